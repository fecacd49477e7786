using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// The two search triggers that re-index many stories at once (a person renamed, an image's caption
    /// changed) write them into FTS5 in key order: FTS5 writes out a segment whenever a rowid comes below
    /// the last one, so a person on 300 stories made up to 300 one-story segments, each merged later.
    /// No model change, so no target model.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261207213000_SearchTriggersInKeyOrder")]
    public class SearchTriggersInKeyOrder : Migration
    {
        private const string Live = """NOT EXISTS (SELECT 1 FROM "ArticleSearchDeferred")""";
        private const string Columns = "\"Headline\", \"Body\", \"Captions\", \"Quotes\", \"Names\"";
        private const string ByCaption = """SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" = new."Id" """;
        private const string ByPerson = """SELECT "ArticleId" FROM "Bylines" WHERE "PersonId" = new."Id" UNION SELECT "ArticleId" FROM "Quotes" WHERE "SpeakerId" = new."Id" """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, """ORDER BY "Key" """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "");

        private static void Recreate(MigrationBuilder migrationBuilder, string order)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearch_ImageCaption";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearch_PersonName";""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ImageCaption" AFTER UPDATE OF "Caption" ON "Images" WHEN {Live} AND old."Caption" IS NOT new."Caption" BEGIN
                    {Refresh(ByCaption, order)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_PersonName" AFTER UPDATE OF "Name" ON "People" WHEN {Live} AND old."Name" IS NOT new."Name" BEGIN
                    {Refresh(ByPerson, order)}
                END;
                """);
        }

        private static string Refresh(string ids, string order)
            => $"""
               DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN ({ids}));
               INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Key", {Columns} FROM "ArticleSearchDocuments" WHERE "ArticleId" IN ({ids}) {order};
               """;
    }
}
