using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// An FTS5 index of headlines with the trigram tokenizer, so that substring filters
    /// (<c>headline: { contains: ... }</c>) look up candidates instead of reading every headline.
    /// It indexes the Articles table itself (external content) and triggers keep it in step with
    /// every insert, headline change and delete, whoever makes them (EF Core, the bulk importer).
    /// </summary>
    public partial class HeadlineSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleHeadlines" USING fts5("Headline", content='Articles', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleHeadlines_Insert" AFTER INSERT ON "Articles" BEGIN
                    INSERT INTO "ArticleHeadlines"(rowid, "Headline") VALUES (new."Id", new."Headline");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleHeadlines_Delete" AFTER DELETE ON "Articles" BEGIN
                    INSERT INTO "ArticleHeadlines"("ArticleHeadlines", rowid, "Headline") VALUES ('delete', old."Id", old."Headline");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleHeadlines_Update" AFTER UPDATE OF "Headline" ON "Articles" BEGIN
                    INSERT INTO "ArticleHeadlines"("ArticleHeadlines", rowid, "Headline") VALUES ('delete', old."Id", old."Headline");
                    INSERT INTO "ArticleHeadlines"(rowid, "Headline") VALUES (new."Id", new."Headline");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleHeadlines"("ArticleHeadlines") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ArticleHeadlines_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleHeadlines_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleHeadlines_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleHeadlines";""");
        }
    }
}
