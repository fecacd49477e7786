using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.GraphQL.Tests.Caching;

/// <summary>Hot Chocolate's cache-control computation: lowest ages win, PRIVATE beats PUBLIC, types hint their fields.</summary>
public sealed class CacheConstraintsComputerTests
{
    private static readonly ISchema Schema = Build();

    [Fact]
    public void NoHints_NoConstraints()
        => Assert.Null(Compute("{ plain }"));

    [Fact]
    public void TheLowestMaxAge_Wins_AndLowersTheSharedMaxAge()
    {
        var constraints = Compute("{ shared fresh }")!;

        Assert.Equal(10, constraints.MaxAge);
        Assert.Equal(10, constraints.SharedMaxAge);
        Assert.Equal("public, max-age=10, s-maxage=10", constraints.HeaderValue());
    }

    [Fact]
    public void ASharedMaxAge_IsKeptWhenNoFieldAllowsLess()
        => Assert.Equal("public, max-age=120, s-maxage=600", Compute("{ shared }")!.HeaderValue());

    [Theory]
    [InlineData("{ sharedOnly fresh }")]
    [InlineData("{ fresh sharedOnly }")]
    public void ASharedMaxAge_NeverOutlivesAFieldsMaxAge_InEitherOrder(string query)
    {
        var constraints = Compute(query)!;

        Assert.Equal(10, constraints.MaxAge);
        Assert.Equal(10, constraints.SharedMaxAge);
    }

    [Fact]
    public void Private_BeatsPublic_AndDropsTheSharedAge()
    {
        var constraints = Compute("{ shared mine }")!;

        Assert.Equal(CacheControlScope.Private, constraints.Scope);
        Assert.Equal("private, max-age=120", constraints.HeaderValue());
    }

    [Fact]
    public void AFieldWithoutAHint_TakesItsTypes()
        => Assert.Equal(45, Compute("{ shelf { label } }")!.MaxAge);

    [Fact]
    public void AFieldsOwnHint_BeatsItsTypes_AndChildrenStillCount()
    {
        Assert.Equal(500, Compute("{ pinned { label } }")!.MaxAge);
        Assert.Equal(5, Compute("{ pinned { short } }")!.MaxAge);
    }

    [Fact]
    public void InheritMaxAge_KeepsTheParentsAge_InsteadOfItsTypes()
        => Assert.Equal(500, Compute("{ pinned { nested { label } } }")!.MaxAge);

    [Fact]
    public void VaryHeaders_AreCollected_LowerCase()
        => Assert.Equal(["accept-language"], Compute("{ negotiated fresh }")!.Vary);

    [Fact]
    public void Introspection_IsNeverCacheable_ButTypename_Is()
    {
        Assert.Null(Compute("{ __schema { queryType { name } } fresh }"));
        Assert.Equal(10, Compute("{ __typename fresh }")!.MaxAge);
    }

    [Fact]
    public void Mutations_AreNeverCacheable()
        => Assert.Null(Compute("mutation { addShelf { label } }"));

    [Fact]
    public void Fragments_AndEveryPossibleTypeOfAnAbstractField_Count()
    {
        Assert.Equal(10, Compute("query { ...F } fragment F on Query { fresh }")!.MaxAge);
        Assert.Equal(7, Compute("{ item { ... on Book { title } ... on Dvd { runtime } } }")!.MaxAge);
        Assert.Equal(20, Compute("{ item { ... on Book { title } } }")!.MaxAge);
    }

    private static CacheConstraints? Compute(string query)
    {
        var document = Parser.Parse(query);
        return CacheConstraintsComputer.Compute(Schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }

    private static Schema Build()
    {
        var schema = new Schema { Query = new HintedQuery(), Mutation = new HintedMutation() };
        schema.Directives.Register(new CacheControlDirective());
        schema.Initialize();
        return schema;
    }

    private sealed class HintedQuery : ObjectGraphType
    {
        public HintedQuery()
        {
            Name = "Query";
            Field<StringGraphType>("plain").Resolve(_ => "");
            Field<StringGraphType>("fresh").CacheControl(maxAge: 10).Resolve(_ => "");
            Field<StringGraphType>("shared").CacheControl(maxAge: 120, sharedMaxAge: 600).Resolve(_ => "");
            Field<StringGraphType>("sharedOnly").CacheControl(sharedMaxAge: 300).Resolve(_ => "");
            Field<StringGraphType>("mine").CacheControl(maxAge: 300, scope: CacheControlScope.Private).Resolve(_ => "");
            Field<StringGraphType>("negotiated").CacheControl(maxAge: 300, vary: "Accept-Language").Resolve(_ => "");
            Field<Shelf>("shelf").Resolve(_ => new object());
            Field<Shelf>("pinned").CacheControl(maxAge: 500).Resolve(_ => new object());
            Field<Item>("item").Resolve(_ => new object());
        }
    }

    private sealed class HintedMutation : ObjectGraphType
    {
        public HintedMutation()
        {
            Name = "Mutation";
            Field<Shelf>("addShelf").Resolve(_ => new object());
        }
    }

    private sealed class Shelf : ObjectGraphType
    {
        public Shelf()
        {
            Name = "Shelf";
            this.CacheControl(maxAge: 45);
            Field<StringGraphType>("label").Resolve(_ => "");
            Field<StringGraphType>("short").CacheControl(maxAge: 5).Resolve(_ => "");
            Field<Shelf>("nested").CacheControl(inheritMaxAge: true).Resolve(_ => new object());
        }
    }

    private sealed class Item : UnionGraphType
    {
        public Item()
        {
            Name = "Item";
            Type<Book>();
            Type<Dvd>();
            ResolveType = _ => null;
        }
    }

    private sealed class Book : ObjectGraphType
    {
        public Book()
        {
            Name = "Book";
            Field<StringGraphType>("title").CacheControl(maxAge: 20).Resolve(_ => "");
        }
    }

    private sealed class Dvd : ObjectGraphType
    {
        public Dvd()
        {
            Name = "Dvd";
            Field<StringGraphType>("runtime").CacheControl(maxAge: 7).Resolve(_ => "");
        }
    }
}
