using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class EvidenceContentChunks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_EvidenceContents",
                table: "EvidenceContents");

            migrationBuilder.AddColumn<int>(
                name: "Chunk",
                table: "EvidenceContents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_EvidenceContents",
                table: "EvidenceContents",
                columns: new[] { "FileId", "Chunk" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_EvidenceContents",
                table: "EvidenceContents");

            migrationBuilder.DropColumn(
                name: "Chunk",
                table: "EvidenceContents");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EvidenceContents",
                table: "EvidenceContents",
                column: "FileId");
        }
    }
}
