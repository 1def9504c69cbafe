-- Alerts (预警, ADR-015): one row per alert, opened when the daily or on-demand evaluation finds its cause (kind,
-- agency, record) and closed — closed_at set, never deleted — when the cause is gone; and officers' trainings (培训学时)
-- for the training-hours alert. V008 and V009 are taken by work on other branches; versions are applied by set.
-- Tables as GenerateCreateScript writes them from the EF model.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "alerts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_alerts" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "record_key" TEXT NOT NULL,
    "record_label" TEXT NOT NULL,
    "case_id" INTEGER NULL,
    "officer_id" INTEGER NULL,
    "details" TEXT NOT NULL,
    "opened_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "FK_alerts_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "officer_trainings" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_officer_trainings" PRIMARY KEY AUTOINCREMENT,
    "officer_id" INTEGER NOT NULL,
    "trained_on" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "course" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "FK_officer_trainings_officers_officer_id" FOREIGN KEY ("officer_id") REFERENCES "officers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_alerts_agency_id_closed_at" ON "alerts" ("agency_id", "closed_at");

CREATE INDEX "IX_alerts_closed_at_kind" ON "alerts" ("closed_at", "kind");

CREATE INDEX "IX_officer_trainings_officer_id_trained_on" ON "officer_trainings" ("officer_id", "trained_on");
