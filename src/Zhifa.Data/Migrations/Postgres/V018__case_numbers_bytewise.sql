-- Case numbers compare by their bytes (COLLATE "C", ADR-025): the number of a case is an identifier, not prose. Its
-- unique index is built on every bulk import, and under the database's locale each comparison was a strcoll call
-- (600,000 numbers: 0.33 s under C.UTF-8, 0.57 s under zh-Hans-CN ICU, against 0.24 s bytewise); the order is now the
-- ordinal order the application sorts numbers in, and SQLite's (BINARY). A prefix search (LIKE 'X%') can use the index.
-- Changing only the collation rewrites no rows; the indexes over the columns are rebuilt. Never edit an applied
-- script: add a new V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

ALTER TABLE cases ALTER COLUMN number TYPE character varying(64) COLLATE "C";
ALTER TABLE published_decisions ALTER COLUMN number TYPE character varying(64) COLLATE "C";
