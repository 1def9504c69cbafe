-- Monthly summaries of the case tables (ADR-019), so the supervision statistics of a city (millions of cases a year)
-- read a few thousand rows per month instead of every case: cases per agency, month of 立案, category and power;
-- officers named on cases per month and agency; fines and decisions per agency and month of 决定.
-- Triggers on cases and case_officers keep them equal to the case tables for every writer; a bulk import drops the
-- triggers with the secondary indexes and adds what it loaded itself (Statistics/MonthlySummaries.cs).
-- A row whose count falls to 0 is deleted, so a row means at least one case. A month is its first day, 'YYYY-MM-01'.
-- V012 and V013 are taken by work on other branches; versions are applied by set.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

-- The days outside whole months are read per agency, through the (agency_id, filed_on) index: the (filed_on,
-- agency_id, category, power_id) index the statistics scanned by period goes (one index less to rebuild after a bulk
-- import).
DROP INDEX "IX_cases_filed_on_agency_id_category_power_id";

-- The lists of overdue, late and unpublished penalty decisions are still read case by case: two narrow partial indexes
-- over penalty cases (a few percent of all cases) find them — the decisions by decision date (which replaces the plain
-- decided_on index; every reader of it asks for penalties) and the general-procedure cases by filing date.
DROP INDEX "IX_cases_decided_on";

CREATE INDEX "IX_cases_decided_on" ON "cases" ("decided_on") WHERE category = 'Penalty' AND decided_on IS NOT NULL;

CREATE INDEX "IX_cases_general_penalty_filed_on" ON "cases" ("filed_on") WHERE category = 'Penalty' AND procedure = 'General';

CREATE TABLE "case_month_counts" (
    "month" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "power_id" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "PK_case_month_counts" PRIMARY KEY ("month", "agency_id", "category", "power_id")
);

CREATE TABLE "officer_month_cases" (
    "month" TEXT NOT NULL,
    "officer_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "PK_officer_month_cases" PRIMARY KEY ("officer_id", "month", "agency_id")
);

CREATE TABLE "decision_month_fines" (
    "month" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "decisions" INTEGER NOT NULL,
    "fine_fen" INTEGER NOT NULL,
    CONSTRAINT "PK_decision_month_fines" PRIMARY KEY ("month", "agency_id")
);

INSERT INTO case_month_counts (month, agency_id, category, power_id, cases)
SELECT substr(filed_on, 1, 8) || '01', agency_id, category, power_id, count(*) FROM cases GROUP BY 1, 2, 3, 4;

INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
SELECT substr(co.filed_on, 1, 8) || '01', co.officer_id, c.agency_id, count(*)
FROM case_officers co JOIN cases c ON c.id = co.case_id GROUP BY 1, 2, 3;

INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen)
SELECT substr(decided_on, 1, 8) || '01', agency_id, count(*), coalesce(sum(fine_fen), 0)
FROM cases WHERE category = 'Penalty' AND decided_on IS NOT NULL GROUP BY 1, 2;

-- cases: a row counts once under (立案 month, agency, category, power), and a penalty decision under (决定 month,
-- agency) with its fine. An update takes the old row out and puts the new one in. A case moved to another agency
-- takes its officers' counts along (case_officers has no agency of its own).
CREATE TRIGGER "zhifa_case_summaries_insert" AFTER INSERT ON "cases"
BEGIN
    INSERT INTO case_month_counts (month, agency_id, category, power_id, cases)
    VALUES (substr(NEW.filed_on, 1, 8) || '01', NEW.agency_id, NEW.category, NEW.power_id, 1)
    ON CONFLICT (month, agency_id, category, power_id) DO UPDATE SET cases = cases + 1;
    INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen)
    SELECT substr(NEW.decided_on, 1, 8) || '01', NEW.agency_id, 1, coalesce(NEW.fine_fen, 0)
    WHERE NEW.category = 'Penalty' AND NEW.decided_on IS NOT NULL
    ON CONFLICT (month, agency_id) DO UPDATE SET decisions = decisions + 1, fine_fen = fine_fen + excluded.fine_fen;
END;

CREATE TRIGGER "zhifa_case_summaries_delete" AFTER DELETE ON "cases"
BEGIN
    UPDATE case_month_counts SET cases = cases - 1
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id;
    DELETE FROM case_month_counts
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id AND cases = 0;
    UPDATE decision_month_fines SET decisions = decisions - 1, fine_fen = fine_fen - coalesce(OLD.fine_fen, 0)
    WHERE OLD.category = 'Penalty' AND OLD.decided_on IS NOT NULL AND month = substr(OLD.decided_on, 1, 8) || '01' AND agency_id = OLD.agency_id;
    DELETE FROM decision_month_fines WHERE month = substr(OLD.decided_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND decisions = 0;
END;

CREATE TRIGGER "zhifa_case_summaries_update" AFTER UPDATE OF agency_id, filed_on, category, power_id, decided_on, fine_fen ON "cases"
BEGIN
    UPDATE case_month_counts SET cases = cases - 1
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id;
    DELETE FROM case_month_counts
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id AND cases = 0;
    UPDATE decision_month_fines SET decisions = decisions - 1, fine_fen = fine_fen - coalesce(OLD.fine_fen, 0)
    WHERE OLD.category = 'Penalty' AND OLD.decided_on IS NOT NULL AND month = substr(OLD.decided_on, 1, 8) || '01' AND agency_id = OLD.agency_id;
    DELETE FROM decision_month_fines WHERE month = substr(OLD.decided_on, 1, 8) || '01' AND agency_id = OLD.agency_id AND decisions = 0;
    INSERT INTO case_month_counts (month, agency_id, category, power_id, cases)
    VALUES (substr(NEW.filed_on, 1, 8) || '01', NEW.agency_id, NEW.category, NEW.power_id, 1)
    ON CONFLICT (month, agency_id, category, power_id) DO UPDATE SET cases = cases + 1;
    INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen)
    SELECT substr(NEW.decided_on, 1, 8) || '01', NEW.agency_id, 1, coalesce(NEW.fine_fen, 0)
    WHERE NEW.category = 'Penalty' AND NEW.decided_on IS NOT NULL
    ON CONFLICT (month, agency_id) DO UPDATE SET decisions = decisions + 1, fine_fen = fine_fen + excluded.fine_fen;
    UPDATE officer_month_cases SET cases = cases - (
        SELECT count(*) FROM case_officers co
        WHERE co.case_id = OLD.id AND co.officer_id = officer_month_cases.officer_id AND substr(co.filed_on, 1, 8) || '01' = officer_month_cases.month)
    WHERE NEW.agency_id <> OLD.agency_id AND agency_id = OLD.agency_id
      AND (month, officer_id) IN (SELECT substr(filed_on, 1, 8) || '01', officer_id FROM case_officers WHERE case_id = OLD.id);
    DELETE FROM officer_month_cases
    WHERE NEW.agency_id <> OLD.agency_id AND agency_id = OLD.agency_id AND cases = 0
      AND officer_id IN (SELECT officer_id FROM case_officers WHERE case_id = OLD.id);
    INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
    SELECT substr(filed_on, 1, 8) || '01', officer_id, NEW.agency_id, count(*) FROM case_officers
    WHERE case_id = NEW.id AND NEW.agency_id <> OLD.agency_id GROUP BY 1, 2
    ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = cases + excluded.cases;
END;

-- case_officers: an officer counts once per case under (month of the link's 立案日期, officer, the case's agency).
CREATE TRIGGER "zhifa_case_officer_summaries_insert" AFTER INSERT ON "case_officers"
BEGIN
    INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
    SELECT substr(NEW.filed_on, 1, 8) || '01', NEW.officer_id, agency_id, 1 FROM cases WHERE id = NEW.case_id
    ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = cases + 1;
END;

CREATE TRIGGER "zhifa_case_officer_summaries_delete" AFTER DELETE ON "case_officers"
BEGIN
    UPDATE officer_month_cases SET cases = cases - 1
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id
      AND agency_id = (SELECT agency_id FROM cases WHERE id = OLD.case_id);
    DELETE FROM officer_month_cases WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id AND cases = 0;
END;

CREATE TRIGGER "zhifa_case_officer_summaries_update" AFTER UPDATE OF case_id, officer_id, filed_on ON "case_officers"
BEGIN
    UPDATE officer_month_cases SET cases = cases - 1
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id
      AND agency_id = (SELECT agency_id FROM cases WHERE id = OLD.case_id);
    DELETE FROM officer_month_cases WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id AND cases = 0;
    INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
    SELECT substr(NEW.filed_on, 1, 8) || '01', NEW.officer_id, agency_id, 1 FROM cases WHERE id = NEW.case_id
    ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = cases + 1;
END;
