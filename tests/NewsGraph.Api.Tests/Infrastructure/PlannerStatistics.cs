using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>What the query planner's statistics (left by <c>ANALYZE</c>) say, on either provider.</summary>
public static class PlannerStatistics
{
    /// <summary>The rows the statistics give <paramref name="index"/> of <paramref name="table"/>; 0 when there are none.</summary>
    public static async Task<long> RowsOfIndexAsync(NewsDbContext db, string table, string index)
    {
        if (TestDatabase.IsPostgres)
        {
            // reltuples is -1 or 0 until the table is analyzed (or vacuumed).
            return await db.Database
                .SqlQueryRaw<long>("SELECT GREATEST(reltuples, 0)::bigint AS \"Value\" FROM pg_class WHERE oid = to_regclass({0})", $"\"{index}\"")
                .SingleAsync();
        }
        var stat = await db.Database
            .SqlQueryRaw<string>("SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = {0} AND idx = {1}", table, index)
            .SingleOrDefaultAsync();
        return stat is null ? 0 : long.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
