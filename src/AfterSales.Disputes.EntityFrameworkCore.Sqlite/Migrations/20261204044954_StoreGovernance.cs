using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", maxLength: 48, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StorePenalties",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DisputeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Cause = table.Column<int>(type: "INTEGER", maxLength: 48, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ArbitrationRound = table.Column<int>(type: "INTEGER", nullable: true)
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
