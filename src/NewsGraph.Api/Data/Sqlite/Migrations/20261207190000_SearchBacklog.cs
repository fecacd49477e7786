using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// The search backlog (docs/operations.md, "The search backlog"): stories a bulk import loaded
    /// whose rows of the FTS5 tables are still to be written (<c>NewsGraph.Api.Search.SearchBacklog</c>).
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261207190000_SearchBacklog")]
    public class SearchBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                CREATE TABLE "SearchBacklog" (
                    "ArticleId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "QueuedAt" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
                );
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""DROP TABLE "SearchBacklog";""");
    }
}
