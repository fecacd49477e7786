using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeysetIndexesAndNumericEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Enums were stored by name; they are stored by value from now on, so that ordering by
            // an enum follows its declaration (Draft before Published) and keyset cursors can compare it.
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"Status\" = CASE \"Status\" WHEN 'Draft' THEN 0 WHEN 'Scheduled' THEN 1 WHEN 'Published' THEN 2 WHEN 'Withdrawn' THEN 3 ELSE \"Status\" END;");
            migrationBuilder.Sql("UPDATE \"Bylines\" SET \"Role\" = CASE \"Role\" WHEN 'Author' THEN 0 WHEN 'Contributor' THEN 1 WHEN 'Photographer' THEN 2 WHEN 'Editor' THEN 3 ELSE \"Role\" END;");
            migrationBuilder.Sql("UPDATE \"Feedback\" SET \"Status\" = CASE \"Status\" WHEN 'New' THEN 0 WHEN 'Reviewed' THEN 1 WHEN 'Spam' THEN 2 ELSE \"Status\" END;");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.AlterColumn<int>(
                name: "Status",
                table: "Feedback",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<int>(
                name: "Role",
                table: "Bylines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<int>(
                name: "Status",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_Status_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "SectionId", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_Status_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Feedback",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "Role",
                table: "Bylines",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Articles",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "SectionId", "PublishedAt", "Id" });

            migrationBuilder.Sql("UPDATE \"Articles\" SET \"Status\" = CASE CAST(\"Status\" AS INTEGER) WHEN 0 THEN 'Draft' WHEN 1 THEN 'Scheduled' WHEN 2 THEN 'Published' WHEN 3 THEN 'Withdrawn' ELSE \"Status\" END;");
            migrationBuilder.Sql("UPDATE \"Bylines\" SET \"Role\" = CASE CAST(\"Role\" AS INTEGER) WHEN 0 THEN 'Author' WHEN 1 THEN 'Contributor' WHEN 2 THEN 'Photographer' WHEN 3 THEN 'Editor' ELSE \"Role\" END;");
            migrationBuilder.Sql("UPDATE \"Feedback\" SET \"Status\" = CASE CAST(\"Status\" AS INTEGER) WHEN 0 THEN 'New' WHEN 1 THEN 'Reviewed' WHEN 2 THEN 'Spam' ELSE \"Status\" END;");
        }
    }
}
