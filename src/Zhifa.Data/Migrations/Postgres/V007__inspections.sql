-- Inspections (行政检查): each inspection is a row of cases (category Inspection) with its case_officers, so every
-- statistic counts it; these tables hold its detail, the Idempotency-Key of the request that recorded it, and the
-- number sequence per agency and year. No index is added to cases or case_officers (each costs a bulk-import rebuild).
-- Tables as GenerateCreateScript writes them from the EF model. V005 and V006 are taken by work on other branches;
-- the migrator applies every version not yet applied, so the order in which they land does not matter.
-- Never edit an applied script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

CREATE TABLE inspections (
    case_id bigint NOT NULL,
    party_id_number character varying(18),
    party_id_absent_reason character varying(200),
    location character varying(200),
    findings character varying(4000) NOT NULL,
    result character varying(16) NOT NULL,
    rectification_deadline date,
    rectified_on date,
    rectification_note character varying(1000),
    referred_on date,
    referred_by character varying(256),
    penalty_case_id bigint,
    created_by character varying(256) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_inspections" PRIMARY KEY (case_id),
    CONSTRAINT "FK_inspections_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE TABLE inspection_requests (
    user_name character varying(256) NOT NULL,
    idempotency_key character varying(100) NOT NULL,
    case_id bigint NOT NULL,
    request_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_inspection_requests" PRIMARY KEY (user_name, idempotency_key),
    CONSTRAINT "FK_inspection_requests_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE TABLE inspection_numbers (
    agency_id bigint NOT NULL,
    year integer NOT NULL,
    last_sequence bigint NOT NULL,
    CONSTRAINT "PK_inspection_numbers" PRIMARY KEY (agency_id, year),
    CONSTRAINT "FK_inspection_numbers_agencies_agency_id" FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);
