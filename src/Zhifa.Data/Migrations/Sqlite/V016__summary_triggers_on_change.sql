-- The monthly summaries' update triggers (V014, ADR-019) fire only when a counted column really changes. A step of the
-- penalty workflow rewrites the whole cases row, naming agency_id, filed_on ... in its SET list; the V014 trigger then
-- took each case out of its month's counts and put it back on every step. Bodies unchanged. Never edit an applied
-- script: add a new V### script instead.

DROP TRIGGER "zhifa_case_summaries_update";
CREATE TRIGGER "zhifa_case_summaries_update" AFTER UPDATE OF agency_id, filed_on, category, power_id, decided_on, fine_fen ON "cases"
WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.filed_on IS NOT NEW.filed_on OR OLD.category IS NOT NEW.category
  OR OLD.power_id IS NOT NEW.power_id OR OLD.decided_on IS NOT NEW.decided_on OR OLD.fine_fen IS NOT NEW.fine_fen
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

DROP TRIGGER "zhifa_case_officer_summaries_update";
CREATE TRIGGER "zhifa_case_officer_summaries_update" AFTER UPDATE OF case_id, officer_id, filed_on ON "case_officers"
WHEN OLD.case_id IS NOT NEW.case_id OR OLD.officer_id IS NOT NEW.officer_id OR OLD.filed_on IS NOT NEW.filed_on
BEGIN
    UPDATE officer_month_cases SET cases = cases - 1
    WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id
      AND agency_id = (SELECT agency_id FROM cases WHERE id = OLD.case_id);
    DELETE FROM officer_month_cases WHERE month = substr(OLD.filed_on, 1, 8) || '01' AND officer_id = OLD.officer_id AND cases = 0;
    INSERT INTO officer_month_cases (month, officer_id, agency_id, cases)
    SELECT substr(NEW.filed_on, 1, 8) || '01', NEW.officer_id, agency_id, 1 FROM cases WHERE id = NEW.case_id
    ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = cases + 1;
END;
