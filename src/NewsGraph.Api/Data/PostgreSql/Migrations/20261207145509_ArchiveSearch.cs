using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// Archive search (docs/architecture.md, "Search the archive"): the table ArticleSearch, a row per
    /// story with its searchable text (paragraphs, captions and quotes each joined by U+2029), whether it
    /// is published, its section and month, and two stored tsvectors (english) with GIN indexes. The
    /// function article_search_refresh(ids) writes the rows of some stories; triggers on every table the
    /// text comes from call it, unless the bulk import has deferred them for its transaction
    /// (newsgraph.search_deferred = on), which then calls it for its batch.
    /// </summary>
    public partial class ArchiveSearch : Migration
    {
        private const string Live = "NOT coalesce(current_setting('newsgraph.search_deferred', true) = 'on', false)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Quotes_ArticleId_SpeakerId",
                table: "Quotes",
                columns: new[] { "ArticleId", "SpeakerId" });
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "IsPublic" boolean NOT NULL,
                    "SectionId" integer NOT NULL,
                    "Month" integer NOT NULL,
                    "PublishedAt" timestamp with time zone,
                    "Headline" text NOT NULL,
                    "Body" text NOT NULL,
                    "Captions" text NOT NULL,
                    "Quotes" text NOT NULL,
                    "Names" text NOT NULL,
                    "HeadlineVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "Headline")) STORED,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english'::regconfig, "Headline"), 'A') || setweight(to_tsvector('english'::regconfig, "Names"), 'B')
                        || setweight(to_tsvector('english'::regconfig, "Quotes" || ' ' || "Captions"), 'C')
                        || setweight(to_tsvector('english'::regconfig, "Body"), 'D')) STORED);
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING gin ("Document");
                CREATE INDEX "IX_ArticleSearch_HeadlineVector" ON "ArticleSearch" USING gin ("HeadlineVector");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION article_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "ArticleSearch" ("ArticleId", "IsPublic", "SectionId", "Month", "PublishedAt", "Headline", "Body", "Captions", "Quotes", "Names")
                SELECT a."Id", a."Status" = 2, a."SectionId",
                       coalesce(least(4095, greatest(0, (extract(year FROM l.at)::int - 1900) * 12 + extract(month FROM l.at)::int - 1)), 0),
                       a."PublishedAt", a."Headline", array_to_string(a."Paragraphs", U&'\2029'),
                       coalesce((SELECT string_agg(i."Caption", U&'\2029' ORDER BY ai."Position")
                                 FROM "ArticleImages" ai JOIN "Images" i ON i."Id" = ai."ImageId" WHERE ai."ArticleId" = a."Id"), ''),
                       coalesce((SELECT string_agg(q."Text", U&'\2029' ORDER BY q."Position") FROM "Quotes" q WHERE q."ArticleId" = a."Id"), ''),
                       coalesce((SELECT string_agg(CASE WHEN position(' ' IN p."Name") > 0
                                     THEN p."Name" || U&'\2029' || regexp_replace(p."Name", '^(.*) (\S+)$', '\2 \1') ELSE p."Name" END, U&'\2029' ORDER BY p."Id")
                                 FROM "People" p
                                 WHERE p."Id" IN (SELECT b."PersonId" FROM "Bylines" b WHERE b."ArticleId" = a."Id"
                                                  UNION SELECT q."SpeakerId" FROM "Quotes" q WHERE q."ArticleId" = a."Id")), '')
                FROM "Articles" a
                CROSS JOIN LATERAL (SELECT (a."PublishedAt" AT TIME ZONE 'UTC') + make_interval(mins => a."PublishedOffsetMinutes") AS at) l
                WHERE a."Id" = ANY(ids)
                ON CONFLICT ("ArticleId") DO UPDATE SET "IsPublic" = EXCLUDED."IsPublic", "SectionId" = EXCLUDED."SectionId", "Month" = EXCLUDED."Month",
                    "PublishedAt" = EXCLUDED."PublishedAt", "Headline" = EXCLUDED."Headline", "Body" = EXCLUDED."Body",
                    "Captions" = EXCLUDED."Captions", "Quotes" = EXCLUDED."Quotes", "Names" = EXCLUDED."Names";
                $$;
                """);
            AddTriggers(migrationBuilder);
            migrationBuilder.Sql("""SELECT article_search_refresh(ARRAY(SELECT "Id" FROM "Articles"));""");
        }

        private static void AddTriggers(MigrationBuilder migrationBuilder)
        {
            Trigger(migrationBuilder, "article", """ARRAY[NEW."Id"]""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_ArticleInsert" AFTER INSERT ON "Articles" FOR EACH ROW EXECUTE FUNCTION article_search_on_article();
                CREATE TRIGGER "ArticleSearch_ArticleUpdate" AFTER UPDATE OF "Headline", "Paragraphs", "Status", "SectionId", "PublishedAt", "PublishedOffsetMinutes" ON "Articles"
                    FOR EACH ROW WHEN ((OLD."Headline", OLD."Paragraphs", OLD."Status", OLD."SectionId", OLD."PublishedAt", OLD."PublishedOffsetMinutes")
                        IS DISTINCT FROM (NEW."Headline", NEW."Paragraphs", NEW."Status", NEW."SectionId", NEW."PublishedAt", NEW."PublishedOffsetMinutes"))
                    EXECUTE FUNCTION article_search_on_article();
                """);
            Trigger(migrationBuilder, "part", """
                ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."ArticleId" END,
                                                          CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."ArticleId" END]) x WHERE x IS NOT NULL)
                """);
            foreach (var table in new[] { "Quotes", "Bylines", "ArticleImages" })
                migrationBuilder.Sql($"""CREATE TRIGGER "ArticleSearch_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION article_search_on_part();""");
            Trigger(migrationBuilder, "image", """ARRAY(SELECT "ArticleId" FROM "ArticleImages" WHERE "ImageId" = NEW."Id")""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_ImageCaption" AFTER UPDATE OF "Caption" ON "Images"
                    FOR EACH ROW WHEN (OLD."Caption" IS DISTINCT FROM NEW."Caption") EXECUTE FUNCTION article_search_on_image();
                """);
            Trigger(migrationBuilder, "person", """ARRAY(SELECT "ArticleId" FROM "Bylines" WHERE "PersonId" = NEW."Id" UNION SELECT "ArticleId" FROM "Quotes" WHERE "SpeakerId" = NEW."Id")""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_PersonName" AFTER UPDATE OF "Name" ON "People"
                    FOR EACH ROW WHEN (OLD."Name" IS DISTINCT FROM NEW."Name") EXECUTE FUNCTION article_search_on_person();
                """);
        }

        // A trigger function that refreshes the stories `ids` names, unless the bulk import deferred it.
        private static void Trigger(MigrationBuilder migrationBuilder, string name, string ids)
            => migrationBuilder.Sql($$"""
                CREATE FUNCTION article_search_on_{{name}}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF {{Live}} THEN
                        PERFORM article_search_refresh({{ids}});
                    END IF;
                    RETURN NULL;
                END $$;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_ArticleId_SpeakerId",
                table: "Quotes");
            migrationBuilder.Sql("""
                DROP TRIGGER "ArticleSearch_PersonName" ON "People";
                DROP TRIGGER "ArticleSearch_ImageCaption" ON "Images";
                DROP TRIGGER "ArticleSearch_Quotes" ON "Quotes";
                DROP TRIGGER "ArticleSearch_Bylines" ON "Bylines";
                DROP TRIGGER "ArticleSearch_ArticleImages" ON "ArticleImages";
                DROP TRIGGER "ArticleSearch_ArticleUpdate" ON "Articles";
                DROP TRIGGER "ArticleSearch_ArticleInsert" ON "Articles";
                DROP FUNCTION article_search_on_person();
                DROP FUNCTION article_search_on_image();
                DROP FUNCTION article_search_on_part();
                DROP FUNCTION article_search_on_article();
                DROP FUNCTION article_search_refresh(integer[]);
                DROP TABLE "ArticleSearch";
                """);
        }
    }
}
