-- The agency's list of major enforcement decisions (重大执法决定法制审核目录, ADR-022): which powers of the catalog are on
-- their agency's list now (one row per listed power, removed when it is unlisted), and every change of the list with who,
-- when and why, append-only (triggers below). Tables as GenerateCreateScript writes them from the EF model. Never edit an
-- applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "major_decision_list" (
    "power_id" INTEGER NOT NULL CONSTRAINT "PK_major_decision_list" PRIMARY KEY,
    "listed_at" TEXT NOT NULL,
    "listed_by" TEXT NOT NULL,
    CONSTRAINT "FK_major_decision_list_powers_power_id" FOREIGN KEY ("power_id") REFERENCES "powers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "major_decision_list_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_major_decision_list_changes" PRIMARY KEY AUTOINCREMENT,
    "power_id" INTEGER NOT NULL,
    "listed" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TEXT NOT NULL,
    CONSTRAINT "FK_major_decision_list_changes_powers_power_id" FOREIGN KEY ("power_id") REFERENCES "powers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_major_decision_list_changes_power_id_id" ON "major_decision_list_changes" ("power_id", "id");

-- Append-only: a change of the list is never altered or removed.
CREATE TRIGGER "major_decision_list_changes_no_update" BEFORE UPDATE ON "major_decision_list_changes"
BEGIN
    SELECT RAISE(ABORT, '重大执法决定法制审核目录的调整记录只能追加,不能修改');
END;

CREATE TRIGGER "major_decision_list_changes_no_delete" BEFORE DELETE ON "major_decision_list_changes"
BEGIN
    SELECT RAISE(ABORT, '重大执法决定法制审核目录的调整记录只能追加,不能删除');
END;
