using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace NewsGraph.Api.Data.PostgreSql;

#pragma warning disable EF1001 // Npgsql's SQL generator and its options are internal API; see below for why.

/// <summary>
/// Makes PostgreSQL order nulls as SQLite does: first when ascending, last when descending
/// (PostgreSQL's default is the reverse). Keyset cursors, and so every page, depend on one order of
/// nulls; Npgsql can append <c>NULLS FIRST</c>/<c>NULLS LAST</c> to every ordering, an option it
/// keeps internal, so its generator is created with it here.
/// </summary>
public sealed class NullsFirstQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, INpgsqlSingletonOptions npgsqlOptions)
    : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create()
        => new NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: true, npgsqlOptions.PostgresVersion);
}
#pragma warning restore EF1001
