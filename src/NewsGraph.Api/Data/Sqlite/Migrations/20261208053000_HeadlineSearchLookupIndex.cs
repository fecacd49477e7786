using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// A narrow copy of what a headline search reads of each candidate the <c>ArticleHeadlines</c> trigram
    /// index returns, keyed by the story's id. Without it every candidate is looked up in <c>Articles</c>,
    /// whose rows carry the paragraphs (about 2.5 KB, one 4 KB page per story), so a common word read
    /// hundreds of pages per statement, and each pooled connection's cache held few of them. SQLite answers
    /// the page and its count from this index alone (~150 bytes a story). Not in the model: the planner
    /// picks it for <c>"Id" IN (…)</c> lookups that need only these columns, and nothing else names it.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261208053000_HeadlineSearchLookupIndex")]
    public class HeadlineSearchLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                CREATE INDEX "IX_Articles_HeadlineSearchLookup" ON "Articles" ("Id", "Status", "PublishedAt", "Headline", "Slug", "SectionId", "PublishedOffsetMinutes");
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""DROP INDEX "IX_Articles_HeadlineSearchLookup";""");
    }
}
