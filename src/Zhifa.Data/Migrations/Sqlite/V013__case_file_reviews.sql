-- Case-file review (案卷评查, ADR-017): a batch (scope, period, categories, sampling rule, the recorded seed, the rubric
-- frozen as JSON, grade thresholds, status), the agencies of its scope with their candidate count and digest, the files
-- drawn, and the scores and findings given to them. Scores and findings are append-only (triggers below): a corrected
-- score is a later row and the earlier one stays. V012 is taken by work on another branch; versions are applied by set.
-- Tables as GenerateCreateScript writes them from the EF model.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "case_file_review_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_case_file_review_batches" PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "categories" TEXT NOT NULL,
    "sample_count" INTEGER NULL,
    "sample_ratio" TEXT NULL,
    "minimum_per_agency" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "rubric" TEXT NOT NULL,
    "excellent_from" TEXT NOT NULL,
    "good_from" TEXT NOT NULL,
    "pass_from" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "finished_by" TEXT NULL,
    "finished_at" TEXT NULL
);

CREATE TABLE "case_file_review_agencies" (
    "batch_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "candidates" INTEGER NOT NULL,
    "candidates_digest" TEXT NOT NULL,
    "drawn" INTEGER NOT NULL,
    CONSTRAINT "PK_case_file_review_agencies" PRIMARY KEY ("batch_id", "agency_id"),
    CONSTRAINT "FK_case_file_review_agencies_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_file_review_agencies_case_file_review_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "case_file_review_batches" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_file_review_files" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_case_file_review_files" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "FK_case_file_review_files_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_file_review_files_case_file_review_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "case_file_review_batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_file_review_files_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_file_review_scores" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_case_file_review_scores" PRIMARY KEY AUTOINCREMENT,
    "file_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "points" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "scored_by" TEXT NOT NULL,
    "scored_at" TEXT NOT NULL,
    CONSTRAINT "FK_case_file_review_scores_case_file_review_files_file_id" FOREIGN KEY ("file_id") REFERENCES "case_file_review_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_file_review_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_case_file_review_findings" PRIMARY KEY AUTOINCREMENT,
    "file_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_case_file_review_findings_case_file_review_files_file_id" FOREIGN KEY ("file_id") REFERENCES "case_file_review_files" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_file_review_agencies_agency_id_batch_id" ON "case_file_review_agencies" ("agency_id", "batch_id");

CREATE INDEX "IX_case_file_review_files_batch_id_agency_id_position" ON "case_file_review_files" ("batch_id", "agency_id", "position");

CREATE UNIQUE INDEX "IX_case_file_review_files_batch_id_case_id" ON "case_file_review_files" ("batch_id", "case_id");

CREATE INDEX "IX_case_file_review_findings_file_id" ON "case_file_review_findings" ("file_id");

CREATE INDEX "IX_case_file_review_scores_file_id_item_code" ON "case_file_review_scores" ("file_id", "item_code");

-- Append-only: the platform never changes or removes a score or a finding.
CREATE TRIGGER "case_file_review_scores_no_update" BEFORE UPDATE ON "case_file_review_scores"
BEGIN
    SELECT RAISE(ABORT, '评查得分只能追加,不能修改(更正请另记一次得分)');
END;

CREATE TRIGGER "case_file_review_scores_no_delete" BEFORE DELETE ON "case_file_review_scores"
BEGIN
    SELECT RAISE(ABORT, '评查得分只能追加,不能删除');
END;

CREATE TRIGGER "case_file_review_findings_no_update" BEFORE UPDATE ON "case_file_review_findings"
BEGIN
    SELECT RAISE(ABORT, '评查发现的问题只能追加,不能修改');
END;

CREATE TRIGGER "case_file_review_findings_no_delete" BEFORE DELETE ON "case_file_review_findings"
BEGIN
    SELECT RAISE(ABORT, '评查发现的问题只能追加,不能删除');
END;
