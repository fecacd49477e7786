using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The search backlog (docs/operations.md, "The search backlog"): stories a bulk import loaded
    /// whose rows of ArticleSearch are still to be written. search_backlog_drain(n) takes up to n of
    /// them, skipping those another instance holds, and indexes them in its transaction.
    /// </summary>
    [DbContext(typeof(PostgresNewsDbContext))]
    [Migration("20261207190000_SearchBacklog")]
    public class SearchBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                CREATE TABLE "SearchBacklog" (
                    "ArticleId" integer NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "QueuedAt" timestamp with time zone NOT NULL DEFAULT now()
                );
                CREATE FUNCTION search_backlog_drain(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE ids integer[];
                BEGIN
                    WITH taken AS (
                        DELETE FROM "SearchBacklog" WHERE "ArticleId" IN (
                            SELECT "ArticleId" FROM "SearchBacklog" ORDER BY "ArticleId" LIMIT batch FOR UPDATE SKIP LOCKED)
                        RETURNING "ArticleId")
                    SELECT coalesce(array_agg("ArticleId"), '{}') INTO ids FROM taken;
                    IF cardinality(ids) > 0 THEN
                        -- An editor's change to one of them waits for this transaction, and is indexed after it, not lost under it.
                        PERFORM 1 FROM "Articles" WHERE "Id" = ANY(ids) FOR SHARE;
                        PERFORM article_search_refresh(ids);
                    END IF;
                    RETURN cardinality(ids);
                END $$;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("""
                DROP FUNCTION search_backlog_drain(integer);
                DROP TABLE "SearchBacklog";
                """);
    }
}
