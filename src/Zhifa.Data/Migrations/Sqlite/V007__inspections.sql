-- Inspections (行政检查): each inspection is a row of cases (category Inspection) with its case_officers, so every
-- statistic counts it; these tables hold its detail, the Idempotency-Key of the request that recorded it, and the
-- number sequence per agency and year. No index is added to cases or case_officers (each costs a bulk-import rebuild).
-- Tables as GenerateCreateScript writes them from the EF model. V005 and V006 are taken by work on other branches;
-- the migrator applies every version not yet applied, so the order in which they land does not matter.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "inspections" (
    "case_id" INTEGER NOT NULL CONSTRAINT "PK_inspections" PRIMARY KEY,
    "party_id_number" TEXT NULL,
    "party_id_absent_reason" TEXT NULL,
    "location" TEXT NULL,
    "findings" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "rectification_deadline" TEXT NULL,
    "rectified_on" TEXT NULL,
    "rectification_note" TEXT NULL,
    "referred_on" TEXT NULL,
    "referred_by" TEXT NULL,
    "penalty_case_id" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_inspections_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_requests" (
    "user_name" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "case_id" INTEGER NOT NULL,
    "request_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "PK_inspection_requests" PRIMARY KEY ("user_name", "idempotency_key"),
    CONSTRAINT "FK_inspection_requests_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_numbers" (
    "agency_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "last_sequence" INTEGER NOT NULL,
    CONSTRAINT "PK_inspection_numbers" PRIMARY KEY ("agency_id", "year"),
    CONSTRAINT "FK_inspection_numbers_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);
