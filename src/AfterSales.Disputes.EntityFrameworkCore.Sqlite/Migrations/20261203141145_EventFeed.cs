using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class EventFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "DisputeEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "DisputeEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Events already stored take their feed positions in the order they were written.
            migrationBuilder.Sql("UPDATE \"DisputeEvents\" SET \"Position\" = rowid;");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_TransactionId_Position",
                table: "DisputeEvents",
                columns: new[] { "TransactionId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisputeEvents_TransactionId_Position",
                table: "DisputeEvents");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "DisputeEvents");

            migrationBuilder.DropColumn(
                name: "TransactionId",
                table: "DisputeEvents");
        }
    }
}
