using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

// A toy EF Core model (products of a shop) on SQLite, to test the data conventions with every
// scalar kind the news schema does not have: UUID, decimal, long, double, nullable instants.

public enum Category
{
    Books,
    Music,
    Games,
}

public sealed class Brand
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public sealed class Product
{
    public int Id { get; set; }
    public Guid Sku { get; set; }
    public required string Name { get; set; }
    public decimal Price { get; set; }
    public long Sold { get; set; }
    public double Rating { get; set; }
    public DateOnly ReleasedOn { get; set; }
    public DateTime? DiscontinuedAt { get; set; }
    public bool InStock { get; set; }
    public Category Category { get; set; }
    public List<string> Tags { get; set; } = [];
    public int? BrandId { get; set; }
    public Brand? Brand { get; set; }
}

public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Brand> Brands => Set<Brand>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        // SQLite stores decimals as text; sort and compare them as numbers instead.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>30 products with every kind of value, some missing, some equal.</summary>
    public static IReadOnlyList<Product> Seed()
    {
        var brands = new[] { new Brand { Name = "Acme" }, new Brand { Name = "Globex" } };
        return [.. Enumerable.Range(1, 30).Select(i => new Product
        {
            Sku = new Guid(i, (short)(i * 7), (short)(i * 13), [1, 2, 3, 4, 5, 6, 7, (byte)i]),
            Name = $"Product {i:00}",
            Price = 1.5m * (i % 7),
            Sold = 1_000_000_000L * (i % 4),
            Rating = i % 5 / 2.0,
            ReleasedOn = new DateOnly(2020, 1, 1).AddDays(i % 10),
            DiscontinuedAt = i % 3 == 0 ? null : new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i % 6),
            InStock = i % 2 == 0,
            Category = (Category)(i % 3),
            Tags = i % 4 == 0 ? [] : [$"tag{i % 3}", "all"],
            Brand = i % 5 == 0 ? null : brands[i % 2],
        })];
    }
}

public sealed class ProductGraphType : ObjectGraphType<Product>
{
    public ProductGraphType()
    {
        Name = "Product";
        Field(p => p.Id);
        Field<NonNullGraphType<UuidType>>("sku").Resolve(ctx => ctx.Source.Sku);
        Field(p => p.Name);
    }
}

public sealed class CategoryGraphType : EnumerationGraphType<Category>
{
    public CategoryGraphType()
    {
        Name = "Category";
    }
}

public sealed class ProductFilterInputType : FilterInputType<Product>
{
    public ProductFilterInputType()
    {
        Field("id", p => p.Id);
        Field("sku", p => p.Sku);
        Field("name", p => p.Name);
        Field("price", p => p.Price);
        Field("sold", p => p.Sold);
        Field("rating", p => p.Rating);
        Field("releasedOn", p => p.ReleasedOn);
        Field("discontinuedAt", p => p.DiscontinuedAt);
        Field("inStock", p => p.InStock);
        EnumField<CategoryGraphType, Category>("category", p => p.Category);
        Field("tags", p => p.Tags);
        ObjectField<BrandFilterInputType, Brand>("brand", p => p.Brand);
    }
}

public sealed class BrandFilterInputType : FilterInputType<Brand>
{
    public BrandFilterInputType()
    {
        Field("name", b => b.Name);
    }
}

public sealed class ProductSortInputType : SortInputType<Product>
{
    public ProductSortInputType()
    {
        Field("id", p => p.Id);
        Field("sku", p => p.Sku);
        Field("name", p => p.Name);
        Field("price", p => p.Price);
        Field("sold", p => p.Sold);
        Field("rating", p => p.Rating);
        Field("releasedOn", p => p.ReleasedOn);
        Field("discontinuedAt", p => p.DiscontinuedAt);
        Field("inStock", p => p.InStock);
        Field("category", p => p.Category);
        ObjectField<BrandSortInputType, Brand>("brand", p => p.Brand);
    }
}

public sealed class BrandSortInputType : SortInputType<Brand>
{
    public BrandSortInputType()
    {
        Field("name", b => b.Name);
    }
}

public sealed class ProductsConnectionGraphType : ConnectionGraphType<ProductGraphType, ProductsEdgeGraphType>;

public sealed class ProductsEdgeGraphType : EdgeGraphType<ProductGraphType>;

public static class CatalogQueries
{
    public static void AddCatalogQueries(this ObjectGraphType query)
        => query.QueryField("products").Connection<ProductsConnectionGraphType, Product>()
            .Filtering<ProductFilterInputType>()
            .Sorting<ProductSortInputType>()
            .Resolve<CatalogDb>((db, _) => db.Products);
}
