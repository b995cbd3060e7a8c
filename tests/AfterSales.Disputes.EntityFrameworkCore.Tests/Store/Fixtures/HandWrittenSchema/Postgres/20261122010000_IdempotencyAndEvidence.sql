CREATE TABLE "IdempotencyRecords" (
    "Scope" character varying(128) NOT NULL,
    "Key" character varying(255) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "Completed" boolean NOT NULL,
    "StatusCode" integer,
    "ContentType" character varying(128),
    "Body" bytea,
    "Location" character varying(1000),
    "ETag" character varying(64),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("Scope", "Key")
);

CREATE TABLE "EvidenceFiles" (
    "Id" character varying(64) NOT NULL,
    "DisputeId" character varying(64) NOT NULL,
    "UploadedBy" character varying(48) NOT NULL,
    "UploaderId" character varying(64) NOT NULL,
    "FileName" character varying(255) NOT NULL,
    "ContentType" character varying(48) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EvidenceFiles_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EvidenceFiles_DisputeId_UploadedAt" ON "EvidenceFiles" ("DisputeId", "UploadedAt");

CREATE INDEX "IX_IdempotencyRecords_ExpiresAt" ON "IdempotencyRecords" ("ExpiresAt");
