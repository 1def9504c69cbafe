-- Penalty cases handled on the platform (ADR-007): the aggregate as a JSON snapshot keyed by its cases row, with the
-- columns lists read, a version for optimistic concurrency, the document numbers kept with each case and their
-- sequences, the legal review tasks, the idempotency keys of retried creations, discretion benchmarks and exemption
-- lists (行政处罚法 第三十三、三十四条), and the agencies' document prefix (机关代字). No index is added on cases or
-- case_officers: each costs a rebuild in bulk import. V005 is another module's; versions are applied by set.
-- Tables as GenerateCreateScript writes them from the EF model.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

ALTER TABLE "agencies" ADD "document_prefix" TEXT NULL;

CREATE TABLE "penalty_cases" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_penalty_cases" PRIMARY KEY,
    "agency_id" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "party_name" TEXT NOT NULL,
    "decision_limit_on" TEXT NULL,
    "next_deadline_on" TEXT NULL,
    "next_deadline_name" TEXT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "details" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_penalty_cases_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_penalty_cases_cases_id" FOREIGN KEY ("id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "penalty_case_documents" (
    "case_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "item" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "allocated_at" TEXT NOT NULL,
    "allocated_by" TEXT NOT NULL,
    CONSTRAINT "PK_penalty_case_documents" PRIMARY KEY ("case_id", "kind", "item"),
    CONSTRAINT "FK_penalty_case_documents_penalty_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "penalty_cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "document_number_sequences" (
    "agency_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "last_value" INTEGER NOT NULL,
    CONSTRAINT "PK_document_number_sequences" PRIMARY KEY ("agency_id", "year", "kind"),
    CONSTRAINT "FK_document_number_sequences_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "legal_reviews" (
    "case_id" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "reviewer_officer_id" INTEGER NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "completed_on" TEXT NULL,
    "items" TEXT NULL,
    CONSTRAINT "PK_legal_reviews" PRIMARY KEY ("case_id", "sequence"),
    CONSTRAINT "FK_legal_reviews_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_legal_reviews_officers_reviewer_officer_id" FOREIGN KEY ("reviewer_officer_id") REFERENCES "officers" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_legal_reviews_penalty_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "penalty_cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "idempotency_keys" (
    "user_name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "resource_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("user_name", "key")
);

CREATE TABLE "discretion_benchmarks" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_discretion_benchmarks" PRIMARY KEY AUTOINCREMENT,
    "power_id" INTEGER NOT NULL,
    "published_on" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "FK_discretion_benchmarks_powers_power_id" FOREIGN KEY ("power_id") REFERENCES "powers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "discretion_tiers" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_discretion_tiers" PRIMARY KEY AUTOINCREMENT,
    "level" TEXT NOT NULL,
    "min_fine_fen" INTEGER NOT NULL,
    "max_fine_fen" INTEGER NOT NULL,
    "circumstances" TEXT NOT NULL,
    "benchmark_id" INTEGER NOT NULL,
    CONSTRAINT "FK_discretion_tiers_discretion_benchmarks_benchmark_id" FOREIGN KEY ("benchmark_id") REFERENCES "discretion_benchmarks" ("id") ON DELETE RESTRICT
);

CREATE TABLE "exemption_list_items" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_exemption_list_items" PRIMARY KEY AUTOINCREMENT,
    "power_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "conditions" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "FK_exemption_list_items_powers_power_id" FOREIGN KEY ("power_id") REFERENCES "powers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_penalty_cases_agency_id_stage" ON "penalty_cases" ("agency_id", "stage");

CREATE INDEX "IX_penalty_cases_next_deadline_on" ON "penalty_cases" ("next_deadline_on");

CREATE UNIQUE INDEX "IX_penalty_case_documents_number" ON "penalty_case_documents" ("number");

CREATE INDEX "IX_legal_reviews_agency_id_completed_on" ON "legal_reviews" ("agency_id", "completed_on");

CREATE INDEX "IX_legal_reviews_reviewer_officer_id_outcome" ON "legal_reviews" ("reviewer_officer_id", "outcome");

CREATE INDEX "IX_discretion_benchmarks_power_id_published_on" ON "discretion_benchmarks" ("power_id", "published_on");

CREATE INDEX "IX_discretion_tiers_benchmark_id" ON "discretion_tiers" ("benchmark_id");

CREATE INDEX "IX_exemption_list_items_power_id_published_on" ON "exemption_list_items" ("power_id", "published_on");
