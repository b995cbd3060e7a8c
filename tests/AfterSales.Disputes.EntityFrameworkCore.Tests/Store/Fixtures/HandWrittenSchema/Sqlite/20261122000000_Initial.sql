CREATE TABLE "Disputes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Disputes" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "LineId" TEXT NOT NULL,
    "BuyerId" TEXT NOT NULL,
    "StoreId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "IsOpen" INTEGER NOT NULL,
    "ClaimsShipping" INTEGER NOT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "DeadlineDueAt" INTEGER NULL,
    "Currency" TEXT NOT NULL,
    "RequestedRefundMinor" INTEGER NULL,
    "Escalated" INTEGER NOT NULL,
    "ArbitratorId" TEXT NULL,
    "ServiceCenterId" TEXT NULL,
    "Closure" TEXT NULL,
    "FirstResponseSeconds" INTEGER NULL,
    "SellerTimeouts" INTEGER NOT NULL,
    "ArbitrationResult" TEXT NULL,
    "PenaltyPoints" INTEGER NOT NULL,
    "RatingStars" INTEGER NULL
);


CREATE TABLE "Orders" (
    "OrderId" TEXT NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY,
    "BuyerId" TEXT NOT NULL,
    "StoreId" TEXT NOT NULL,
    "Region" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "ShippingPaidMinor" INTEGER NOT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "ShippedAt" INTEGER NULL,
    "DeliveredAt" INTEGER NULL,
    "InvoiceDate" TEXT NULL,
    "Fingerprint" TEXT NOT NULL
);


CREATE TABLE "Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "DisputeId" TEXT NOT NULL,
    "StoreId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LeaseUntil" INTEGER NULL,
    "LastError" TEXT NULL
);


CREATE TABLE "WebhookSubscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY,
    "StoreId" TEXT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "Deadlines" (
    "DisputeId" TEXT NOT NULL CONSTRAINT "PK_Deadlines" PRIMARY KEY,
    "DueAt" INTEGER NOT NULL,
    "ExpiresWith" TEXT NOT NULL,
    "LeaseUntil" INTEGER NULL,
    "LeaseOwner" TEXT NULL,
    CONSTRAINT "FK_Deadlines_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "DisputeEvents" (
    "DisputeId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Party" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Data" TEXT NULL,
    CONSTRAINT "PK_DisputeEvents" PRIMARY KEY ("DisputeId", "Sequence"),
    CONSTRAINT "FK_DisputeEvents_Disputes_DisputeId" FOREIGN KEY ("DisputeId") REFERENCES "Disputes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "OrderLines" (
    "OrderId" TEXT NOT NULL,
    "LineId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Sku" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Categories" TEXT NOT NULL,
    "UnitPriceMinor" INTEGER NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "PaidMinor" INTEGER NOT NULL,
    "SerialNumber" TEXT NULL,
    "Brand" TEXT NULL,
    "PromotionTags" TEXT NULL,
    "GiftForLineId" TEXT NULL,
    "ExtendedWarrantyMonths" INTEGER NOT NULL,
    "OnSiteService" INTEGER NOT NULL,
    CONSTRAINT "PK_OrderLines" PRIMARY KEY ("OrderId", "LineId"),
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("OrderId") ON DELETE CASCADE
);


CREATE TABLE "WebhookDeliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY,
    "SubscriptionId" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LeaseUntil" INTEGER NULL,
    "DeliveredAt" INTEGER NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
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


