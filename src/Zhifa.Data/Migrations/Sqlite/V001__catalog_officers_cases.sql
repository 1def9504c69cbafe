-- Generated from the EF Core model (ZhifaDbContext) with GenerateCreateScript, then split by hand.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "agencies" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_agencies" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "established_on" TEXT NULL,
    "abolished_on" TEXT NULL
);

CREATE TABLE "officers" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_officers" PRIMARY KEY AUTOINCREMENT,
    "certificate_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "issued_on" TEXT NOT NULL,
    "revoked_on" TEXT NULL,
    "revocation_reason" TEXT NULL,
    "suspended_on" TEXT NULL,
    "is_legal_reviewer" INTEGER NOT NULL,
    "resident_id" TEXT NULL,
    CONSTRAINT "FK_officers_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "powers" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_powers" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "legal_basis" TEXT NULL,
    "valid_from" TEXT NULL,
    "valid_to" TEXT NULL,
    CONSTRAINT "FK_powers_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "certificate_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_certificate_events" PRIMARY KEY AUTOINCREMENT,
    "officer_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "reason" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NULL,
    CONSTRAINT "FK_certificate_events_officers_officer_id" FOREIGN KEY ("officer_id") REFERENCES "officers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "cases" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "power_id" INTEGER NOT NULL,
    "filed_on" TEXT NOT NULL,
    "procedure" TEXT NULL,
    "party_type" TEXT NULL,
    "party_name" TEXT NULL,
    "party_credit_code" TEXT NULL,
    "fine_fen" INTEGER NULL,
    "decided_on" TEXT NULL,
    "published_on" TEXT NULL,
    "closed_on" TEXT NULL,
    "outcome" TEXT NULL,
    "extension_days" INTEGER NOT NULL,
    CONSTRAINT "FK_cases_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_powers_power_id" FOREIGN KEY ("power_id") REFERENCES "powers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_officers" (
    "case_id" INTEGER NOT NULL,
    "officer_id" INTEGER NOT NULL,
    "filed_on" TEXT NOT NULL,
    CONSTRAINT "PK_case_officers" PRIMARY KEY ("case_id", "officer_id"),
    CONSTRAINT "FK_case_officers_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_officers_officers_officer_id" FOREIGN KEY ("officer_id") REFERENCES "officers" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_agencies_code" ON "agencies" ("code");

CREATE INDEX "IX_agencies_region_code" ON "agencies" ("region_code");

CREATE INDEX "IX_case_officers_officer_id_filed_on" ON "case_officers" ("officer_id", "filed_on");

CREATE INDEX "IX_cases_agency_id_filed_on" ON "cases" ("agency_id", "filed_on");

CREATE INDEX "IX_cases_decided_on" ON "cases" ("decided_on");

CREATE INDEX "IX_cases_filed_on_agency_id_category" ON "cases" ("filed_on", "agency_id", "category");

CREATE UNIQUE INDEX "IX_cases_number" ON "cases" ("number");

CREATE INDEX "IX_cases_power_id_filed_on" ON "cases" ("power_id", "filed_on");

CREATE INDEX "IX_certificate_events_officer_id_on" ON "certificate_events" ("officer_id", "on");

CREATE INDEX "IX_officers_agency_id" ON "officers" ("agency_id");

CREATE UNIQUE INDEX "IX_officers_certificate_number" ON "officers" ("certificate_number");

CREATE INDEX "IX_powers_agency_id" ON "powers" ("agency_id");

CREATE UNIQUE INDEX "IX_powers_code" ON "powers" ("code");
