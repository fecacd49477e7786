using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QuoteAttribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attribution",
                table: "Quotes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Quotes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "UnattributedReason",
                table: "Quotes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                collation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Genre",
                table: "Articles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true,
                oldCollation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attribution",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "UnattributedReason",
                table: "Quotes");

            migrationBuilder.AlterColumn<string>(
                name: "Genre",
                table: "Articles",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
