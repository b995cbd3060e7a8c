using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class WebhookAudiences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BuyerId",
                table: "WebhookSubscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceCenterId",
                table: "WebhookSubscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_BuyerId",
                table: "WebhookSubscriptions",
                column: "BuyerId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_ServiceCenterId",
                table: "WebhookSubscriptions",
                column: "ServiceCenterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_BuyerId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_ServiceCenterId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "BuyerId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "ServiceCenterId",
                table: "WebhookSubscriptions");
        }
    }
}
