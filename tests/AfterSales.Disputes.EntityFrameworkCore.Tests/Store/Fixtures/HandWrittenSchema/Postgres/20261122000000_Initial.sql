CREATE TABLE "Disputes" (
    "Id" character varying(64) NOT NULL,
    "OrderId" character varying(64) NOT NULL,
    "LineId" character varying(64) NOT NULL,
    "BuyerId" character varying(64) NOT NULL,
    "StoreId" character varying(64) NOT NULL,
    "Kind" character varying(48) NOT NULL,
    "State" character varying(48) NOT NULL,
    "Version" integer NOT NULL,
    "IsOpen" boolean NOT NULL,
    "ClaimsShipping" boolean NOT NULL,
    "OpenedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "DeadlineDueAt" timestamp with time zone,
    "Currency" character varying(3) NOT NULL,
    "RequestedRefundMinor" bigint,
    "Escalated" boolean NOT NULL,
    "ArbitratorId" character varying(64),
    "ServiceCenterId" character varying(64),
    "Closure" character varying(48),
    "FirstResponseSeconds" bigint,
    "SellerTimeouts" integer NOT NULL,
    "ArbitrationResult" character varying(48),
    "PenaltyPoints" integer NOT NULL,
    "RatingStars" integer,
    CONSTRAINT "PK_Disputes" PRIMARY KEY ("Id")
);


CREATE TABLE "Orders" (
    "OrderId" character varying(64) NOT NULL,
    "BuyerId" character varying(64) NOT NULL,
    "StoreId" character varying(64) NOT NULL,
    "Region" character varying(16) NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "ShippingPaidMinor" bigint NOT NULL,
    "PlacedAt" timestamp with time zone NOT NULL,
    "ShippedAt" timestamp with time zone,
    "DeliveredAt" timestamp with time zone,
    "InvoiceDate" date,
    "Fingerprint" character varying(64) NOT NULL,
    CONSTRAINT "PK_Orders" PRIMARY KEY ("OrderId")
);


CREATE TABLE "Outbox" (
    "Id" character varying(128) NOT NULL,
    "Kind" character varying(48) NOT NULL,
    "DisputeId" character varying(64) NOT NULL,
    "StoreId" character varying(64) NOT NULL,
    "Type" character varying(48) NOT NULL,
    "Payload" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LeaseUntil" timestamp with time zone,
    "LastError" character varying(1000),
    CONSTRAINT "PK_Outbox" PRIMARY KEY ("Id")
);


CREATE TABLE "WebhookSubscriptions" (
    "Id" character varying(64) NOT NULL,
    "StoreId" character varying(64),
    "Url" character varying(2048) NOT NULL,
    "Secret" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY ("Id")
);


CREATE TABLE "Deadlines" (
    "DisputeId" character varying(64) NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "ExpiresWith" character varying(48) NOT NULL,
    "LeaseUntil" timestamp with time zone,
    "LeaseOwner" character varying(128),
    CONSTRAINT "PK_Deadlines" PRIMARY KEY ("DisputeId"),
    CONSTRAINT "FK_Deadlines_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "DisputeEvents" (
    "DisputeId" character varying(64) NOT NULL,
    "Sequence" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Party" character varying(48) NOT NULL,
    "ActorId" character varying(64) NOT NULL,
    "Action" character varying(48) NOT NULL,
    "From" character varying(48) NOT NULL,
    "To" character varying(48) NOT NULL,
    "Data" text,
    CONSTRAINT "PK_DisputeEvents" PRIMARY KEY ("DisputeId", "Sequence"),
    CONSTRAINT "FK_DisputeEvents_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "OrderLines" (
    "OrderId" character varying(64) NOT NULL,
    "LineId" character varying(64) NOT NULL,
    "Position" integer NOT NULL,
    "Sku" character varying(64) NOT NULL,
    "Title" character varying(1000) NOT NULL,
    "Categories" character varying(1000) NOT NULL,
    "UnitPriceMinor" bigint NOT NULL,
    "Quantity" integer NOT NULL,
    "PaidMinor" bigint NOT NULL,
    "SerialNumber" character varying(64),
    "Brand" character varying(64),
    "PromotionTags" character varying(1000),
    "GiftForLineId" character varying(64),
    "ExtendedWarrantyMonths" integer NOT NULL,
    "OnSiteService" boolean NOT NULL,
    CONSTRAINT "PK_OrderLines" PRIMARY KEY ("OrderId", "LineId"),
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("OrderId") ON DELETE CASCADE
);


CREATE TABLE "WebhookDeliveries" (
    "Id" character varying(192) NOT NULL,
    "SubscriptionId" character varying(64) NOT NULL,
    "EventId" character varying(128) NOT NULL,
    "EventType" character varying(48) NOT NULL,
    "Payload" text NOT NULL,
    "Status" character varying(48) NOT NULL,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LeaseUntil" timestamp with time zone,
    "DeliveredAt" timestamp with time zone,
    "LastStatusCode" integer,
    "LastError" character varying(1000),
    CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "WebhookSubscriptions" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_Deadlines_DueAt" ON "Deadlines" ("DueAt");


CREATE INDEX "IX_Disputes_ArbitratorId" ON "Disputes" ("ArbitratorId");


CREATE INDEX "IX_Disputes_BuyerId_OpenedAt_Id" ON "Disputes" ("BuyerId", "OpenedAt", "Id");


CREATE INDEX "IX_Disputes_OpenedAt_Id" ON "Disputes" ("OpenedAt", "Id");


CREATE INDEX "IX_Disputes_OrderId" ON "Disputes" ("OrderId");


CREATE UNIQUE INDEX "IX_Disputes_OrderId_LineId" ON "Disputes" ("OrderId", "LineId") WHERE "IsOpen" = TRUE;


CREATE INDEX "IX_Disputes_ServiceCenterId" ON "Disputes" ("ServiceCenterId");


CREATE INDEX "IX_Disputes_State_OpenedAt" ON "Disputes" ("State", "OpenedAt");


CREATE INDEX "IX_Disputes_StoreId_FirstResponseSeconds" ON "Disputes" ("StoreId", "FirstResponseSeconds");


CREATE INDEX "IX_Disputes_StoreId_OpenedAt_Id" ON "Disputes" ("StoreId", "OpenedAt", "Id");


CREATE INDEX "IX_Orders_StoreId" ON "Orders" ("StoreId");


CREATE INDEX "IX_Outbox_NextAttemptAt" ON "Outbox" ("NextAttemptAt") WHERE "CompletedAt" IS NULL;


CREATE INDEX "IX_WebhookDeliveries_Status_NextAttemptAt" ON "WebhookDeliveries" ("Status", "NextAttemptAt");


CREATE INDEX "IX_WebhookDeliveries_SubscriptionId_CreatedAt" ON "WebhookDeliveries" ("SubscriptionId", "CreatedAt");


CREATE UNIQUE INDEX "IX_WebhookDeliveries_SubscriptionId_EventId" ON "WebhookDeliveries" ("SubscriptionId", "EventId");


CREATE INDEX "IX_WebhookSubscriptions_StoreId" ON "WebhookSubscriptions" ("StoreId");


