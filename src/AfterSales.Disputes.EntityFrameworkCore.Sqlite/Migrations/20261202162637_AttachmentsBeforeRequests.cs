using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class AttachmentsBeforeRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot drop a NOT NULL constraint: the table is rebuilt by hand, because dotnet-ef's rebuild
            // would reorder the columns and the migrated schema would differ from the model's (MigrationTests).
            // Nothing references EvidenceFiles, so it can be dropped with foreign keys on.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_EvidenceFiles" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY,
                    "DisputeId" TEXT NULL,
                    "UploadedBy" TEXT NOT NULL,
                    "UploaderId" TEXT NOT NULL,
                    "FileName" TEXT NOT NULL,
                    "ContentType" TEXT NOT NULL,
                    "Size" INTEGER NOT NULL,
                    "Sha256" TEXT NOT NULL,
                    "UploadedAt" INTEGER NOT NULL,
                    CONSTRAINT "FK_EvidenceFiles_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_EvidenceFiles" ("Id", "DisputeId", "UploadedBy", "UploaderId", "FileName", "ContentType", "Size", "Sha256", "UploadedAt")
                    SELECT "Id", "DisputeId", "UploadedBy", "UploaderId", "FileName", "ContentType", "Size", "Sha256", "UploadedAt" FROM "EvidenceFiles";
                DROP TABLE "EvidenceFiles";
                ALTER TABLE "ef_temp_EvidenceFiles" RENAME TO "EvidenceFiles";
                CREATE INDEX "IX_EvidenceFiles_DisputeId_UploadedAt" ON "EvidenceFiles" ("DisputeId", "UploadedAt");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_UploadedAt",
                table: "EvidenceFiles",
                column: "UploadedAt",
                filter: "\"DisputeId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_UploadedAt",
                table: "EvidenceFiles");

            migrationBuilder.AlterColumn<string>(
                name: "DisputeId",
                table: "EvidenceFiles",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
