using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Api.Data.Sqlite.Migrations
{
    /// <summary>
    /// EditorialWorkflow gave people and images that already existed version 0, and the bulk importer
    /// wrote no version until it learnt to; every version starts at 1, as the model says.
    /// </summary>
    public partial class VersionsStartAtOne : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"People\" SET \"Version\" = 1 WHERE \"Version\" < 1;");
            migrationBuilder.Sql("UPDATE \"Images\" SET \"Version\" = 1 WHERE \"Version\" < 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: version 1 is what those rows should have had.
        }
    }
}
