-- Rectification (整改, ADR-020): a 整改通知书 to one agency with the issues to fix and a deadline, what it cites (alerts,
-- case-file review findings), and its history: the agency's answers and the office's acceptance or return, append-only
-- (triggers below). The notice's current state is kept on the notice. Tables as GenerateCreateScript writes them from the
-- EF model. Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "rectification_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_rectification_notices" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "issues" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_at" TEXT NOT NULL,
    CONSTRAINT "FK_rectification_notices_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "rectification_sources" (
    "notice_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    CONSTRAINT "PK_rectification_sources" PRIMARY KEY ("notice_id", "kind", "source_id"),
    CONSTRAINT "FK_rectification_sources_rectification_notices_notice_id" FOREIGN KEY ("notice_id") REFERENCES "rectification_notices" ("id") ON DELETE RESTRICT
);

CREATE TABLE "rectification_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_rectification_events" PRIMARY KEY AUTOINCREMENT,
    "notice_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "acted_by" TEXT NOT NULL,
    "acted_at" TEXT NOT NULL,
    CONSTRAINT "FK_rectification_events_rectification_notices_notice_id" FOREIGN KEY ("notice_id") REFERENCES "rectification_notices" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_rectification_events_notice_id_id" ON "rectification_events" ("notice_id", "id");

CREATE INDEX "IX_rectification_notices_agency_id_id" ON "rectification_notices" ("agency_id", "id");

CREATE INDEX "IX_rectification_notices_status_deadline" ON "rectification_notices" ("status", "deadline");

CREATE UNIQUE INDEX "IX_rectification_notices_year_sequence" ON "rectification_notices" ("year", "sequence");

-- Append-only: an answer, an acceptance or a return is never changed or removed.
CREATE TRIGGER "rectification_events_no_update" BEFORE UPDATE ON "rectification_events"
BEGIN
    SELECT RAISE(ABORT, '整改回复和审核记录只能追加,不能修改');
END;

CREATE TRIGGER "rectification_events_no_delete" BEFORE DELETE ON "rectification_events"
BEGIN
    SELECT RAISE(ABORT, '整改回复和审核记录只能追加,不能删除');
END;
