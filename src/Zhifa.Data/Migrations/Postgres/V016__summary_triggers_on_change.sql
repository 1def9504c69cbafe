-- The monthly summaries' triggers (V014, ADR-019) fire on an UPDATE only when a counted column really changes.
-- A step of the penalty workflow rewrites the whole cases row, naming agency_id, filed_on ... in its SET list; the
-- V014 triggers then took each case out of its month's counts and put it back, locking the agency's summary rows until
-- the step committed, so concurrent steps and filings of one agency waited for each other (docs/performance.md,
-- "Filing under load"). Inserts and deletes are counted as before. Never edit an applied script: add a new V### script.

DROP TRIGGER zhifa_case_summaries ON cases;
CREATE TRIGGER zhifa_case_summaries AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION zhifa_case_summaries();
CREATE TRIGGER zhifa_case_summaries_update AFTER UPDATE OF agency_id, filed_on, category, power_id, decided_on, fine_fen ON cases
    FOR EACH ROW
    WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.filed_on IS DISTINCT FROM NEW.filed_on
          OR OLD.category IS DISTINCT FROM NEW.category OR OLD.power_id IS DISTINCT FROM NEW.power_id
          OR OLD.decided_on IS DISTINCT FROM NEW.decided_on OR OLD.fine_fen IS DISTINCT FROM NEW.fine_fen)
    EXECUTE FUNCTION zhifa_case_summaries();

DROP TRIGGER zhifa_case_officer_summaries ON case_officers;
CREATE TRIGGER zhifa_case_officer_summaries AFTER INSERT OR DELETE ON case_officers FOR EACH ROW EXECUTE FUNCTION zhifa_case_officer_summaries();
CREATE TRIGGER zhifa_case_officer_summaries_update AFTER UPDATE OF case_id, officer_id, filed_on ON case_officers
    FOR EACH ROW
    WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.officer_id IS DISTINCT FROM NEW.officer_id OR OLD.filed_on IS DISTINCT FROM NEW.filed_on)
    EXECUTE FUNCTION zhifa_case_officer_summaries();
