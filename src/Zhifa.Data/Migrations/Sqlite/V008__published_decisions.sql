-- The public decision search's own table (ADR-011): one row per published, not withdrawn general-procedure penalty
-- decision, kept by the importer and the publicity commands (Zhifa.Data.Publicity.PublishedDecisions), so the portal
-- searches a million decisions without any index on cases (each would cost a rebuild in every bulk import).
-- sort_key (decision day * 2^32 + case id) is the rowid: the portal's order, newest first, is a walk of the table.
-- No foreign key to cases: the table is derived from cases by the same transactions that change them, cases are never
-- deleted, and checking the key cost a 600k import 0.3 s on PostgreSQL (per row, or when re-added after a bulk load).
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE "published_decisions" (
    "sort_key" INTEGER NOT NULL CONSTRAINT "PK_published_decisions" PRIMARY KEY,
    "case_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "decided_on" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "party_type" TEXT NULL,
    "party_credit_code" TEXT NULL,
    "fine_fen" INTEGER NULL,
    "outcome" TEXT NULL,
    "search_text" TEXT NOT NULL,
    "party_grams" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_published_decisions_case_id" ON "published_decisions" ("case_id");
CREATE INDEX "IX_published_decisions_number" ON "published_decisions" ("number");
CREATE INDEX "IX_published_decisions_agency_id_sort_key" ON "published_decisions" ("agency_id", "sort_key");
CREATE INDEX "IX_published_decisions_party_credit_code" ON "published_decisions" ("party_credit_code") WHERE party_credit_code IS NOT NULL;

-- Party search: every character and character pair of search_text is a token (party_grams), so a term of any length
-- is a lookup of its pairs (one character: itself), confirmed on search_text. The tokens come back in rowid order,
-- which is the portal's order. detail=none: no positions are needed, the index stays small. The trigram tokenizer was
-- not taken: it cannot find one- or two-character terms (a surname, 鑫盛), the most common Chinese searches.
CREATE VIRTUAL TABLE "published_decision_grams" USING fts5(
    party_grams, content = 'published_decisions', content_rowid = 'sort_key',
    tokenize = 'unicode61 remove_diacritics 0', detail = 'none');

CREATE TRIGGER "published_decisions_grams_insert" AFTER INSERT ON "published_decisions" BEGIN
    INSERT INTO "published_decision_grams" (rowid, party_grams) VALUES (new.sort_key, new.party_grams);
END;
CREATE TRIGGER "published_decisions_grams_delete" AFTER DELETE ON "published_decisions" BEGIN
    INSERT INTO "published_decision_grams" ("published_decision_grams", rowid, party_grams) VALUES ('delete', old.sort_key, old.party_grams);
END;
CREATE TRIGGER "published_decisions_grams_update" AFTER UPDATE ON "published_decisions" BEGIN
    INSERT INTO "published_decision_grams" ("published_decision_grams", rowid, party_grams) VALUES ('delete', old.sort_key, old.party_grams);
    INSERT INTO "published_decision_grams" (rowid, party_grams) VALUES (new.sort_key, new.party_grams);
END;

-- The decisions already published, as Zhifa.Data.Publicity.PublishedDecisions.InsertSql selects them
-- (zhifa_party_grams is registered on the migrator's connection).
INSERT INTO published_decisions (sort_key, case_id, agency_id, number, decided_on, published_on, party_type, party_credit_code, fine_fen, outcome, search_text, party_grams)
SELECT s.sort_key, s.id, s.agency_id, s.number, s.decided_on, s.published_on, s.party_type, s.party_credit_code, s.fine_fen, s.outcome, s.search_text, zhifa_party_grams(s.search_text) FROM (
    SELECT (CAST(julianday(c.decided_on) - 2440587.5 AS INTEGER)) * 4294967296 + c.id AS sort_key, c.id, c.agency_id, c.number, c.decided_on, c.published_on, c.party_type,
        CASE WHEN c.party_type IN ('LegalPerson', 'OtherOrganisation') THEN c.party_credit_code END AS party_credit_code, c.fine_fen, c.outcome,
        coalesce(CASE WHEN c.party_type IN ('LegalPerson', 'OtherOrganisation') THEN c.party_name ELSE CASE WHEN length(c.party_name) >= 3 AND substr(c.party_name, 1, 2) IN ('万俟', '上官', '东方', '东郭', '令狐', '仲孙', '公冶', '公孙', '单于', '南宫', '司徒', '司空', '司马', '呼延', '夏侯', '太史', '宇文', '尉迟', '慕容', '拓跋', '欧阳', '淳于', '澹台', '濮阳', '独孤', '申屠', '百里', '皇甫', '端木', '第五', '羊舌', '西门', '诸葛', '赫连', '轩辕', '钟离', '长孙', '闻人') THEN substr(c.party_name, 1, 2) ELSE substr(c.party_name, 1, 1) END END, '') AS search_text
    FROM cases c WHERE c.decided_on IS NOT NULL AND c.published_on IS NOT NULL AND c.category = 'Penalty' AND c.procedure = 'General'
    AND NOT EXISTS (SELECT 1 FROM publication_withdrawals w WHERE w.case_id = c.id)) s;
