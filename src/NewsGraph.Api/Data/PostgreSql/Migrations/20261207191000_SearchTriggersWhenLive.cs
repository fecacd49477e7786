using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The search index's row triggers on stories, quotes, bylines and placements test in their WHEN
    /// clause whether the bulk import has deferred them. Their functions tested it already, but an AFTER
    /// row trigger whose WHEN is false is not even queued: a 100k import writes about 570,000 such rows,
    /// and queuing and calling a PL/pgSQL function for each cost PostgreSQL several seconds for nothing.
    /// </summary>
    [DbContext(typeof(PostgresNewsDbContext))]
    [Migration("20261207191000_SearchTriggersWhenLive")]
    public class SearchTriggersWhenLive : Migration
    {
        private const string Live = "NOT coalesce(current_setting('newsgraph.search_deferred', true) = 'on', false)";

        private const string ArticleChanged = """
            (OLD."Headline", OLD."Paragraphs", OLD."Status", OLD."SectionId", OLD."PublishedAt", OLD."PublishedOffsetMinutes")
                IS DISTINCT FROM (NEW."Headline", NEW."Paragraphs", NEW."Status", NEW."SectionId", NEW."PublishedAt", NEW."PublishedOffsetMinutes")
            """;

        private static readonly string[] Parts = ["Quotes", "Bylines", "ArticleImages"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder, $"({Live}) AND ");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Create(migrationBuilder, "");

        private static void Create(MigrationBuilder migrationBuilder, string live)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER "ArticleSearch_ArticleInsert" ON "Articles";
                DROP TRIGGER "ArticleSearch_ArticleUpdate" ON "Articles";
                CREATE TRIGGER "ArticleSearch_ArticleInsert" AFTER INSERT ON "Articles"
                    FOR EACH ROW {(live.Length == 0 ? "" : $"WHEN ({live}TRUE)")} EXECUTE FUNCTION article_search_on_article();
                CREATE TRIGGER "ArticleSearch_ArticleUpdate" AFTER UPDATE OF "Headline", "Paragraphs", "Status", "SectionId", "PublishedAt", "PublishedOffsetMinutes" ON "Articles"
                    FOR EACH ROW WHEN ({live}{ArticleChanged})
                    EXECUTE FUNCTION article_search_on_article();
                """);
            foreach (var table in Parts)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER "ArticleSearch_{table}" ON "{table}";
                    CREATE TRIGGER "ArticleSearch_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                        FOR EACH ROW {(live.Length == 0 ? "" : $"WHEN ({live}TRUE)")} EXECUTE FUNCTION article_search_on_part();
                    """);
            }
        }
    }
}
