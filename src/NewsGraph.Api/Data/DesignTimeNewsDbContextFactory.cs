using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsGraph.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the application.</summary>
public sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<NewsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
