CREATE TABLE "IdempotencyRecords" (
    "Scope" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "Completed" INTEGER NOT NULL,
    "StatusCode" INTEGER NULL,
    "ContentType" TEXT NULL,
    "Body" BLOB NULL,
    "Location" TEXT NULL,
    "ETag" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("Scope", "Key")
);

CREATE TABLE "EvidenceFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY,
    "DisputeId" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploaderId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_EvidenceFiles_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EvidenceFiles_DisputeId_UploadedAt" ON "EvidenceFiles" ("DisputeId", "UploadedAt");

CREATE INDEX "IX_IdempotencyRecords_ExpiresAt" ON "IdempotencyRecords" ("ExpiresAt");
