namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>A test of what only the PostgreSQL provider has: skipped unless the tests run on it (<see cref="TestDatabase"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
            Skip = "PostgreSQL only (NEWSGRAPH_TEST_PROVIDER=PostgreSQL)";
    }
}
