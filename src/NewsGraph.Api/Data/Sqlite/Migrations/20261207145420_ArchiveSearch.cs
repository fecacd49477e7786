using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// Archive search (docs/architecture.md, "Search the archive"): the FTS5 table ArticleSearch
    /// (porter stemming over unicode61) of whole stories, keyed as Search/SqliteSearchIndex describes,
    /// and ArticleSearchHeadlines, contentless, for the first tier. Two views say what a story's key
    /// and text are; triggers on every table the text comes from keep both tables in step, unless the
    /// bulk import has deferred them (a row in ArticleSearchDeferred, inside its own transaction, which
    /// then refreshes its batch itself).
    /// </summary>
    public partial class ArchiveSearch : Migration
    {
        private const string Tokenizer = "tokenize = 'porter unicode61 remove_diacritics 2'";
        private const string Live = "NOT EXISTS (SELECT 1 FROM \"ArticleSearchDeferred\")";
        private const string Local = "a.\"PublishedAt\", a.\"PublishedOffsetMinutes\" || ' minutes'";
        private const string Columns = "\"Headline\", \"Body\", \"Captions\", \"Quotes\", \"Names\"";
        private const string Watched = "\"Headline\", \"Paragraphs\", \"Status\", \"SectionId\", \"PublishedAt\", \"PublishedOffsetMinutes\"";
        private const string Changed = """
            (old."Headline" IS NOT new."Headline" OR old."Paragraphs" IS NOT new."Paragraphs" OR old."Status" IS NOT new."Status"
             OR old."SectionId" IS NOT new."SectionId" OR old."PublishedAt" IS NOT new."PublishedAt" OR old."PublishedOffsetMinutes" IS NOT new."PublishedOffsetMinutes")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Quotes_ArticleId_SpeakerId",
                table: "Quotes",
                columns: new[] { "ArticleId", "SpeakerId" });
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "ArticleSearch" USING fts5({Columns}, {Tokenizer});""");
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "ArticleSearchHeadlines" USING fts5("Headline", content = '', contentless_delete = 1, {Tokenizer});""");
            migrationBuilder.Sql("""CREATE TABLE "ArticleSearchDeferred" ("Id" INTEGER NOT NULL PRIMARY KEY);""");
            migrationBuilder.Sql($"""
                CREATE VIEW "ArticleSearchKeys" AS
                SELECT a."Id" AS "ArticleId",
                       (CASE WHEN a."Status" = 2 THEN 4611686018427387904 ELSE 0 END)
                     | (CASE WHEN a."PublishedAt" IS NULL THEN 0 ELSE
                          (min(4095, max(0, (CAST(strftime('%Y', {Local}) AS INTEGER) - 1900) * 12 + CAST(strftime('%m', {Local}) AS INTEGER) - 1)) << 50)
                        | (CAST(strftime('%d', {Local}) AS INTEGER) << 45) END)
                     | (a."SectionId" << 33) | a."Id" AS "Key"
                FROM "Articles" a;
                """);
            migrationBuilder.Sql("""
                CREATE VIEW "ArticleSearchDocuments" AS
                SELECT k."ArticleId", k."Key", a."Headline",
                       coalesce((SELECT group_concat(p.value, char(8233) ORDER BY p.key) FROM json_each(a."Paragraphs") p), '') AS "Body",
                       coalesce((SELECT group_concat(i."Caption", char(8233) ORDER BY ai."Position")
                                 FROM "ArticleImages" ai JOIN "Images" i ON i."Id" = ai."ImageId" WHERE ai."ArticleId" = a."Id"), '') AS "Captions",
                       coalesce((SELECT group_concat(q."Text", char(8233) ORDER BY q."Position") FROM "Quotes" q WHERE q."ArticleId" = a."Id"), '') AS "Quotes",
                       coalesce((SELECT group_concat(CASE WHEN instr(p."Name", ' ') > 0
                                     THEN p."Name" || char(8233) || substr(p."Name", length(rtrim(p."Name", replace(p."Name", ' ', ''))) + 1)
                                          || ' ' || rtrim(rtrim(p."Name", replace(p."Name", ' ', '')))
                                     ELSE p."Name" END, char(8233) ORDER BY p."Id")
                                 FROM "People" p
                                 WHERE p."Id" IN (SELECT b."PersonId" FROM "Bylines" b WHERE b."ArticleId" = a."Id"
                                                  UNION SELECT q."SpeakerId" FROM "Quotes" q WHERE q."ArticleId" = a."Id")), '') AS "Names"
                FROM "Articles" a JOIN "ArticleSearchKeys" k ON k."ArticleId" = a."Id";
                """);
            AddArticleTriggers(migrationBuilder);
            AddPartTriggers(migrationBuilder);
            migrationBuilder.Sql($"""INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Key", {Columns} FROM "ArticleSearchDocuments";""");
            migrationBuilder.Sql("""INSERT INTO "ArticleSearchHeadlines"(rowid, "Headline") SELECT "Key", "Headline" FROM "ArticleSearchDocuments";""");
        }

        private static void AddArticleTriggers(MigrationBuilder migrationBuilder)
        {
            const string fits = """SELECT RAISE(ABORT, 'The search index keys article ids below 2^33 and section ids below 4096.') WHERE new."Id" > 8589934591 OR new."SectionId" > 4095;""";
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ArticleInsert" AFTER INSERT ON "Articles" WHEN {Live} BEGIN
                    {fits}
                    {Insert("new.\"Id\"", headlines: true)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ArticleBeforeUpdate" BEFORE UPDATE OF {Watched} ON "Articles" WHEN {Live} AND {Changed} BEGIN
                    {Delete("old.\"Id\"", headlines: true)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ArticleAfterUpdate" AFTER UPDATE OF {Watched} ON "Articles" WHEN {Live} AND {Changed} BEGIN
                    {fits}
                    {Insert("new.\"Id\"", headlines: true)}
                END;
                """);
            // Always, deferred or not: no import deletes stories, and a deleted story must leave the index.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ArticleDelete" BEFORE DELETE ON "Articles" BEGIN
                    {Delete("old.\"Id\"", headlines: true)}
                END;
                """);
        }

        private static void AddPartTriggers(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Quotes", "Bylines", "ArticleImages" })
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "ArticleSearch_{table}Insert" AFTER INSERT ON "{table}" WHEN {Live} BEGIN {Refresh("new.\"ArticleId\"")} END;""");
                migrationBuilder.Sql($"""CREATE TRIGGER "ArticleSearch_{table}Update" AFTER UPDATE ON "{table}" WHEN {Live} BEGIN {Refresh("old.\"ArticleId\", new.\"ArticleId\"")} END;""");
                migrationBuilder.Sql($"""CREATE TRIGGER "ArticleSearch_{table}Delete" AFTER DELETE ON "{table}" WHEN {Live} BEGIN {Refresh("old.\"ArticleId\"")} END;""");
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_ImageCaption" AFTER UPDATE OF "Caption" ON "Images" WHEN {Live} AND old."Caption" IS NOT new."Caption" BEGIN
                    {Refresh("SELECT \"ArticleId\" FROM \"ArticleImages\" WHERE \"ImageId\" = new.\"Id\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearch_PersonName" AFTER UPDATE OF "Name" ON "People" WHEN {Live} AND old."Name" IS NOT new."Name" BEGIN
                    {Refresh("SELECT \"ArticleId\" FROM \"Bylines\" WHERE \"PersonId\" = new.\"Id\" UNION SELECT \"ArticleId\" FROM \"Quotes\" WHERE \"SpeakerId\" = new.\"Id\"")}
                END;
                """);
        }

        private static string Delete(string ids, bool headlines)
        {
            var keys = $"""SELECT "Key" FROM "ArticleSearchKeys" WHERE "ArticleId" IN ({ids})""";
            var sql = $"""DELETE FROM "ArticleSearch" WHERE rowid IN ({keys});""";
            return headlines ? sql + $""" DELETE FROM "ArticleSearchHeadlines" WHERE rowid IN ({keys});""" : sql;
        }

        private static string Insert(string ids, bool headlines)
        {
            var sql = $"""INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Key", {Columns} FROM "ArticleSearchDocuments" WHERE "ArticleId" IN ({ids});""";
            return headlines
                ? sql + $""" INSERT INTO "ArticleSearchHeadlines"(rowid, "Headline") SELECT "Key", "Headline" FROM "ArticleSearchDocuments" WHERE "ArticleId" IN ({ids});"""
                : sql;
        }

        private static string Refresh(string ids) => Delete(ids, headlines: false) + " " + Insert(ids, headlines: false);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_ArticleId_SpeakerId",
                table: "Quotes");
            foreach (var trigger in new[] { "ArticleInsert", "ArticleBeforeUpdate", "ArticleAfterUpdate", "ArticleDelete", "ImageCaption", "PersonName" }
                         .Concat(new[] { "Quotes", "Bylines", "ArticleImages" }.SelectMany(t => new[] { t + "Insert", t + "Update", t + "Delete" })))
                migrationBuilder.Sql($"""DROP TRIGGER "ArticleSearch_{trigger}";""");
            migrationBuilder.Sql("""DROP VIEW "ArticleSearchDocuments";""");
            migrationBuilder.Sql("""DROP VIEW "ArticleSearchKeys";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchDeferred";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchHeadlines";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
        }
    }
}
