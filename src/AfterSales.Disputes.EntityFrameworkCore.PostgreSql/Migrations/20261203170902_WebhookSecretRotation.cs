using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
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
