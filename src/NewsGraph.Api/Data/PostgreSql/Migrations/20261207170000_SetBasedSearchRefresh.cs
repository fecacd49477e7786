using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// article_search_refresh(ids) reads the captions, quotes and names of all its stories in one
    /// grouped pass each instead of three subqueries per story: per story, the names subquery scanned
    /// every person, and before the bulk import's closing ANALYZE the planner read the growing quotes
    /// and placements the same way, so a 100k import spent 2 minutes of PostgreSQL's time here. Same rows.
    /// </summary>
    public partial class SetBasedSearchRefresh : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION article_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                WITH captions AS (
                    SELECT ai."ArticleId", string_agg(i."Caption", U&'\2029' ORDER BY ai."Position") AS text
                    FROM "ArticleImages" ai JOIN "Images" i ON i."Id" = ai."ImageId"
                    WHERE ai."ArticleId" = ANY(ids) GROUP BY ai."ArticleId"),
                quotes AS (
                    SELECT q."ArticleId", string_agg(q."Text", U&'\2029' ORDER BY q."Position") AS text
                    FROM "Quotes" q WHERE q."ArticleId" = ANY(ids) GROUP BY q."ArticleId"),
                named AS (
                    SELECT b."ArticleId", b."PersonId" FROM "Bylines" b WHERE b."ArticleId" = ANY(ids)
                    UNION SELECT q."ArticleId", q."SpeakerId" FROM "Quotes" q WHERE q."ArticleId" = ANY(ids) AND q."SpeakerId" IS NOT NULL),
                names AS (
                    SELECT n."ArticleId", string_agg(CASE WHEN position(' ' IN p."Name") > 0
                               THEN p."Name" || U&'\2029' || regexp_replace(p."Name", '^(.*) (\S+)$', '\2 \1') ELSE p."Name" END, U&'\2029' ORDER BY p."Id") AS text
                    FROM named n JOIN "People" p ON p."Id" = n."PersonId" GROUP BY n."ArticleId")
                INSERT INTO "ArticleSearch" ("ArticleId", "IsPublic", "SectionId", "Month", "PublishedAt", "Headline", "Body", "Captions", "Quotes", "Names")
                SELECT a."Id", a."Status" = 2, a."SectionId",
                       coalesce(least(4095, greatest(0, (extract(year FROM l.at)::int - 1900) * 12 + extract(month FROM l.at)::int - 1)), 0),
                       a."PublishedAt", a."Headline", array_to_string(a."Paragraphs", U&'\2029'),
                       coalesce(c.text, ''), coalesce(q.text, ''), coalesce(n.text, '')
                FROM "Articles" a
                CROSS JOIN LATERAL (SELECT (a."PublishedAt" AT TIME ZONE 'UTC') + make_interval(mins => a."PublishedOffsetMinutes") AS at) l
                LEFT JOIN captions c ON c."ArticleId" = a."Id"
                LEFT JOIN quotes q ON q."ArticleId" = a."Id"
                LEFT JOIN names n ON n."ArticleId" = a."Id"
                WHERE a."Id" = ANY(ids)
                ON CONFLICT ("ArticleId") DO UPDATE SET "IsPublic" = EXCLUDED."IsPublic", "SectionId" = EXCLUDED."SectionId", "Month" = EXCLUDED."Month",
                    "PublishedAt" = EXCLUDED."PublishedAt", "Headline" = EXCLUDED."Headline", "Body" = EXCLUDED."Body",
                    "Captions" = EXCLUDED."Captions", "Quotes" = EXCLUDED."Quotes", "Names" = EXCLUDED."Names";
                $$;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION article_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
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
    }
}
