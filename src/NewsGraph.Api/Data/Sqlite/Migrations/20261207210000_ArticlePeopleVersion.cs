using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// A counter that every change to bylines or quoted speakers moves (<c>NewsGraph.Api.Articles.ArticlePeople</c>
    /// keeps the people of every story in memory for the person facets and reloads them when it moved).
    /// The triggers fire for every writer: mutations, the wire and bulk imports, cascades from deleted stories.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261207210000_ArticlePeopleVersion")]
    public class ArticlePeopleVersion : Migration
    {
        private static readonly (string Table, string Columns)[] Parts = [("Bylines", "\"ArticleId\", \"PersonId\""), ("Quotes", "\"ArticleId\", \"SpeakerId\"")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ArticlePeopleVersion" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Version" INTEGER NOT NULL);
                INSERT INTO "ArticlePeopleVersion" ("Id", "Version") VALUES (1, 0);
                """);
            foreach (var (table, columns) in Parts)
            {
                foreach (var (name, trigger) in new[] { ("Insert", "INSERT"), ("Delete", "DELETE"), ("Update", $"UPDATE OF {columns}") })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "ArticlePeople_{table}{name}" AFTER {trigger} ON "{table}"
                        BEGIN UPDATE "ArticlePeopleVersion" SET "Version" = "Version" + 1; END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Parts)
            {
                foreach (var name in new[] { "Insert", "Delete", "Update" })
                    migrationBuilder.Sql($"""DROP TRIGGER "ArticlePeople_{table}{name}";""");
            }
            migrationBuilder.Sql("""DROP TABLE "ArticlePeopleVersion";""");
        }
    }
}
