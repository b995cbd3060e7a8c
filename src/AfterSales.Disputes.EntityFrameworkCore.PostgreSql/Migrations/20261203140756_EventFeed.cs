using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class EventFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Events already stored are numbered by the identity as the column is added, and share this migration's
            // transaction id: the feed reads them first.
            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "DisputeEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "DisputeEvents",
                type: "bigint",
                nullable: false,
                defaultValueSql: "pg_current_xact_id()::text::bigint");

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
