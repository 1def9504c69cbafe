-- Fewer, narrower secondary indexes on cases (docs/performance.md, "import"): a bulk import rebuilds each of them,
-- so one covering index for the statistics scan by period replaces two, and only decided cases are indexed by
-- decision date (most cases are inspections without one).
DROP INDEX "IX_cases_filed_on_agency_id_category";
DROP INDEX "IX_cases_power_id_filed_on";
DROP INDEX "IX_cases_decided_on";

CREATE INDEX "IX_cases_filed_on_agency_id_category_power_id" ON cases (filed_on, agency_id, category, power_id);

CREATE INDEX "IX_cases_decided_on" ON cases (decided_on) WHERE decided_on IS NOT NULL;
