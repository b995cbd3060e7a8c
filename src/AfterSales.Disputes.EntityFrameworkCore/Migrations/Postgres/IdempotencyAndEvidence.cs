using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Disputes.EntityFrameworkCore.Migrations.Postgres;

/// <summary>Idempotency keys of the API and records of uploaded evidence files.</summary>
[DbContext(typeof(PostgresAfterSalesDbContext))]
[Migration("20261122010000_IdempotencyAndEvidence")]
internal sealed class IdempotencyAndEvidence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => MigrationScripts.Run(migrationBuilder, "Postgres/20261122010000_IdempotencyAndEvidence.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => MigrationScripts.Drop(migrationBuilder, "EvidenceFiles", "IdempotencyRecords");
}
