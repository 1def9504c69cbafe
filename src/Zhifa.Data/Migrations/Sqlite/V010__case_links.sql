-- Links of issue 3's case handling (ADR-013): the evidence item of a penalty case an evidence file is attached to
-- (its position in the case's evidence, 1-based; null for a file not yet attached), and at most one inspection per
-- penalty case filed from its 移交立案 (a case shows the inspection it came from).
-- V008 and V009 are taken by work on other branches; the migrator applies every version not yet applied.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

ALTER TABLE "evidence_files" ADD COLUMN "evidence_item" INTEGER NULL;

CREATE UNIQUE INDEX "IX_inspections_penalty_case_id" ON "inspections" ("penalty_case_id");
