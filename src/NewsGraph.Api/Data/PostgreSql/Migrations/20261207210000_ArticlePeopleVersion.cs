using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// A counter that every change to bylines or quoted speakers moves (<c>NewsGraph.Api.Articles.ArticlePeople</c>
    /// keeps the people of every story in memory for the person facets and reloads them when it moved).
    /// The triggers fire once per statement, for every writer: mutations, the wire import, the bulk
    /// import's COPY, cascades from deleted stories. A transaction that moves the counter holds its row
    /// until it commits, so such transactions commit one after another.
    /// </summary>
    [DbContext(typeof(PostgresNewsDbContext))]
    [Migration("20261207210000_ArticlePeopleVersion")]
    public class ArticlePeopleVersion : Migration
    {
        private static readonly (string Table, string Columns)[] Parts = [("Bylines", "\"ArticleId\", \"PersonId\""), ("Quotes", "\"ArticleId\", \"SpeakerId\"")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ArticlePeopleVersion" ("Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO "ArticlePeopleVersion" ("Id", "Version") VALUES (1, 0);
                CREATE FUNCTION article_people_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "ArticlePeopleVersion" SET "Version" = "Version" + 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var (table, columns) in Parts)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "ArticlePeople_{table}" AFTER INSERT OR DELETE OR UPDATE OF {columns} OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION article_people_changed();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Parts)
                migrationBuilder.Sql($"""DROP TRIGGER "ArticlePeople_{table}" ON "{table}";""");
            migrationBuilder.Sql("""
                DROP FUNCTION article_people_changed();
                DROP TABLE "ArticlePeopleVersion";
                """);
        }
    }
}
