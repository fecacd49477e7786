using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// <c>ArticleSearch</c> rows keep in line only what finding and counting matches reads (ids, section,
    /// month, whether published, the headline's vector); a story's text and whole-story vector go out of
    /// line at once. A common word's matches are checked row by row on the table's pages, and with the
    /// text in line those were 18,000 pages at 100k stories against 3,300 now (`year`: 240-265 ms a search
    /// before, 86-111 ms after; docs/benchmarks.md, "Search on PostgreSQL at N = 100k"). Rows written
    /// before this migration keep their layout until they are indexed again; docs/operations.md says how
    /// to rewrite them all.
    /// </summary>
    [DbContext(typeof(PostgresNewsDbContext))]
    [Migration("20261208003000_NarrowSearchRows")]
    public class NarrowSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" SET (toast_tuple_target = 128);
                ALTER TABLE "ArticleSearch" ALTER COLUMN "HeadlineVector" SET STORAGE MAIN;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" RESET (toast_tuple_target);
                ALTER TABLE "ArticleSearch" ALTER COLUMN "HeadlineVector" SET STORAGE EXTENDED;
                """);
        }
    }
}
