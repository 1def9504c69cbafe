-- The full-process record (执法全过程记录, 行政处罚法 第四十七条): hash-chained entries, the head of each chain and
-- the evidence files they vouch for. Tables as GenerateCreateScript writes them from the EF model; see ADR-005.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "record_entries" (
    "chain_key" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "PK_record_entries" PRIMARY KEY ("chain_key", "sequence")
);

CREATE TABLE "record_heads" (
    "chain_key" INTEGER NOT NULL CONSTRAINT "PK_record_heads" PRIMARY KEY,
    "last_sequence" INTEGER NOT NULL,
    "last_hash" TEXT NOT NULL
);

CREATE TABLE "evidence_files" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_evidence_files" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "record_sequence" INTEGER NOT NULL,
    CONSTRAINT "FK_evidence_files_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_evidence_files_case_id_record_sequence" ON "evidence_files" ("case_id", "record_sequence");

-- Append-only: the platform never changes or removes an entry. Someone who drops these triggers can, and the hash
-- chain then shows where (zhifa audit verify).
CREATE TRIGGER "record_entries_no_update" BEFORE UPDATE ON "record_entries"
BEGIN
    SELECT RAISE(ABORT, '全过程记录只能追加,不能修改');
END;

CREATE TRIGGER "record_entries_no_delete" BEFORE DELETE ON "record_entries"
BEGIN
    SELECT RAISE(ABORT, '全过程记录只能追加,不能删除');
END;
