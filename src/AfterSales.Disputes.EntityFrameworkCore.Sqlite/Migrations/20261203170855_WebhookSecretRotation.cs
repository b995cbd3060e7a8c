using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class WebhookSecretRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousSecret",
                table: "WebhookSubscriptions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousSecret",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions");
        }
    }
}
