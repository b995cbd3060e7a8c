using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Disputes.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>The first SQLite schema: disputes, timelines, deadlines, orders, outbox, webhooks.</summary>
[DbContext(typeof(SqliteAfterSalesDbContext))]
[Migration("20261122000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => MigrationScripts.Run(migrationBuilder, "Sqlite/20261122000000_Initial.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => MigrationScripts.Drop(migrationBuilder,
        "WebhookDeliveries", "WebhookSubscriptions", "Outbox", "OrderLines", "Orders", "Deadlines", "DisputeEvents", "Disputes");
}
