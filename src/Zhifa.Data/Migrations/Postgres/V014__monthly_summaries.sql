-- Monthly summaries of the case tables (ADR-019), so the supervision statistics of a city (millions of cases a year)
-- read a few thousand rows per month instead of every case: cases per agency, month of 立案, category and power;
-- officers named on cases per month and agency; fines and decisions per agency and month of 决定.
-- Triggers on cases and case_officers keep them equal to the case tables for every writer; a bulk import drops the
-- triggers with the secondary indexes and adds what it loaded itself (Statistics/MonthlySummaries.cs).
-- A row whose count falls to 0 is deleted, so a row means at least one case.
-- V012 and V013 are taken by work on other branches; versions are applied by set.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

-- The days outside whole months are read per agency: (agency_id, filed_on), covering category and power, replaces
-- the (filed_on, agency_id, category, power_id) index the statistics scanned by period (one index less to rebuild
-- after a bulk import).
DROP INDEX "IX_cases_filed_on_agency_id_category_power_id";
DROP INDEX "IX_cases_agency_id_filed_on";
CREATE INDEX "IX_cases_agency_id_filed_on" ON cases (agency_id, filed_on) INCLUDE (category, power_id);

-- The lists of overdue, late and unpublished penalty decisions are still read case by case: two narrow partial indexes
-- over penalty cases (a few percent of all cases) answer them without reading the table — the decisions by decision
-- date (which replaces the plain decided_on index; every reader of it asks for penalties) and the general-procedure
-- cases by filing date.
DROP INDEX "IX_cases_decided_on";

CREATE INDEX "IX_cases_decided_on" ON cases (decided_on) INCLUDE (procedure, agency_id, filed_on, published_on, extension_days, fine_fen, number)
    WHERE category = 'Penalty' AND decided_on IS NOT NULL;

CREATE INDEX "IX_cases_general_penalty_filed_on" ON cases (filed_on) INCLUDE (agency_id, decided_on, published_on, extension_days, number)
    WHERE category = 'Penalty' AND procedure = 'General';

CREATE TABLE case_month_counts (
    month date NOT NULL,
    agency_id bigint NOT NULL,
    category character varying(32) NOT NULL,
    power_id bigint NOT NULL,
    cases bigint NOT NULL,
    CONSTRAINT "PK_case_month_counts" PRIMARY KEY (month, agency_id, category, power_id)
);

CREATE TABLE officer_month_cases (
    month date NOT NULL,
    officer_id bigint NOT NULL,
    agency_id bigint NOT NULL,
    cases bigint NOT NULL,
    CONSTRAINT "PK_officer_month_cases" PRIMARY KEY (officer_id, month, agency_id)
);

CREATE TABLE decision_month_fines (
    month date NOT NULL,
    agency_id bigint NOT NULL,
    decisions bigint NOT NULL,
    fine_fen bigint NOT NULL,
    CONSTRAINT "PK_decision_month_fines" PRIMARY KEY (month, agency_id)
);

INSERT INTO case_month_counts (month, agency_id, category, power_id, cases)
SELECT date_trunc('month', filed_on)::date, agency_id, category, power_id, count(*) FROM cases GROUP BY 1, 2, 3, 4;

INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
SELECT date_trunc('month', co.filed_on)::date, co.officer_id, c.agency_id, count(*)
FROM case_officers co JOIN cases c ON c.id = co.case_id GROUP BY 1, 2, 3;

INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen)
SELECT date_trunc('month', decided_on)::date, agency_id, count(*), coalesce(sum(fine_fen), 0)
FROM cases WHERE category = 'Penalty' AND decided_on IS NOT NULL GROUP BY 1, 2;

-- cases: a row counts once under (立案 month, agency, category, power), and a penalty decision under (决定 month,
-- agency) with its fine. An update takes the old row out and puts the new one in. A case moved to another agency
-- takes its officers' counts along (case_officers has no agency of its own).
CREATE FUNCTION zhifa_case_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE case_month_counts SET cases = cases - 1
        WHERE month = date_trunc('month', OLD.filed_on)::date AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id;
        DELETE FROM case_month_counts
        WHERE month = date_trunc('month', OLD.filed_on)::date AND agency_id = OLD.agency_id AND category = OLD.category AND power_id = OLD.power_id AND cases = 0;
        IF OLD.category = 'Penalty' AND OLD.decided_on IS NOT NULL THEN
            UPDATE decision_month_fines SET decisions = decisions - 1, fine_fen = fine_fen - coalesce(OLD.fine_fen, 0)
            WHERE month = date_trunc('month', OLD.decided_on)::date AND agency_id = OLD.agency_id;
            DELETE FROM decision_month_fines WHERE month = date_trunc('month', OLD.decided_on)::date AND agency_id = OLD.agency_id AND decisions = 0;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_month_counts (month, agency_id, category, power_id, cases)
        VALUES (date_trunc('month', NEW.filed_on)::date, NEW.agency_id, NEW.category, NEW.power_id, 1)
        ON CONFLICT (month, agency_id, category, power_id) DO UPDATE SET cases = case_month_counts.cases + 1;
        IF NEW.category = 'Penalty' AND NEW.decided_on IS NOT NULL THEN
            INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen)
            VALUES (date_trunc('month', NEW.decided_on)::date, NEW.agency_id, 1, coalesce(NEW.fine_fen, 0))
            ON CONFLICT (month, agency_id) DO UPDATE
            SET decisions = decision_month_fines.decisions + 1, fine_fen = decision_month_fines.fine_fen + excluded.fine_fen;
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.agency_id <> OLD.agency_id THEN
        UPDATE officer_month_cases m SET cases = m.cases - l.n
        FROM (SELECT date_trunc('month', filed_on)::date AS month, officer_id, count(*) AS n FROM case_officers WHERE case_id = OLD.id GROUP BY 1, 2) l
        WHERE m.month = l.month AND m.officer_id = l.officer_id AND m.agency_id = OLD.agency_id;
        DELETE FROM officer_month_cases
        WHERE agency_id = OLD.agency_id AND cases = 0 AND officer_id IN (SELECT officer_id FROM case_officers WHERE case_id = OLD.id);
        INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
        SELECT date_trunc('month', filed_on)::date, officer_id, NEW.agency_id, count(*) FROM case_officers WHERE case_id = NEW.id GROUP BY 1, 2
        ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = officer_month_cases.cases + excluded.cases;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER zhifa_case_summaries AFTER INSERT OR DELETE OR UPDATE OF agency_id, filed_on, category, power_id, decided_on, fine_fen
    ON cases FOR EACH ROW EXECUTE FUNCTION zhifa_case_summaries();

-- case_officers: an officer counts once per case under (month of the link's 立案日期, officer, the case's agency).
CREATE FUNCTION zhifa_case_officer_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE officer_month_cases SET cases = cases - 1
        WHERE month = date_trunc('month', OLD.filed_on)::date AND officer_id = OLD.officer_id
          AND agency_id = (SELECT agency_id FROM cases WHERE id = OLD.case_id);
        DELETE FROM officer_month_cases
        WHERE month = date_trunc('month', OLD.filed_on)::date AND officer_id = OLD.officer_id AND cases = 0;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
        SELECT date_trunc('month', NEW.filed_on)::date, NEW.officer_id, agency_id, 1 FROM cases WHERE id = NEW.case_id
        ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = officer_month_cases.cases + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER zhifa_case_officer_summaries AFTER INSERT OR DELETE OR UPDATE OF case_id, officer_id, filed_on
    ON case_officers FOR EACH ROW EXECUTE FUNCTION zhifa_case_officer_summaries();
