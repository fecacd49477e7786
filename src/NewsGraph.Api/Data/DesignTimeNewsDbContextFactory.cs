using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsGraph.Api.Data.PostgreSql;
using NewsGraph.Api.Data.Sqlite;

namespace NewsGraph.Api.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context SqliteNewsDbContext</c> (or <c>PostgresNewsDbContext</c>)
/// build each provider's model without starting the application or reaching a server. Every model
/// change adds a migration to both.
/// </summary>
public sealed class DesignTimeSqliteNewsDbContextFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class DesignTimePostgresNewsDbContextFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
