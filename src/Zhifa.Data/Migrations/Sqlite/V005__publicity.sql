-- Publicity (行政执法公示): withdrawals of published decisions (行政处罚法 第四十八条). A withdrawn decision leaves the
-- public portal; the case row is not touched, so the record of what was published stays. One withdrawal per case.
-- V004 belongs to other work; SchemaMigrator applies every script whose version is not yet recorded, in order.
-- No index is added on cases: the portal's searches use the existing ones (docs/performance.md, "public search").

CREATE TABLE "publication_withdrawals" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_publication_withdrawals" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "changed_on" TEXT NOT NULL,
    "withdrawn_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_by" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_publication_withdrawals_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_publication_withdrawals_case_id" ON "publication_withdrawals" ("case_id");
