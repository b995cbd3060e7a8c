using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class StoreGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoreAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoreId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    PeriodStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PeriodEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Level = table.Column<int>(type: "integer", maxLength: 48, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StorePenalties",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisputeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoreId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cause = table.Column<int>(type: "integer", maxLength: 48, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ArbitrationRound = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorePenalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StorePenalties_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoreAssessments_PeriodEnd",
                table: "StoreAssessments",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_StoreAssessments_StoreId_Period",
                table: "StoreAssessments",
                columns: new[] { "StoreId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoreAssessments_StoreId_PeriodEnd",
                table: "StoreAssessments",
                columns: new[] { "StoreId", "PeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_StorePenalties_DisputeId",
                table: "StorePenalties",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_StorePenalties_StoreId_At",
                table: "StorePenalties",
                columns: new[] { "StoreId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreAssessments");

            migrationBuilder.DropTable(
                name: "StorePenalties");
        }
    }
}
