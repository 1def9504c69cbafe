-- Case numbers compare by their bytes (ADR-025). SQLite already does: its columns' default collation is BINARY, so this
-- version changes nothing here and only keeps both providers' versions in step. Never edit an applied script: add a new
-- V### script instead (docs/decisions/ADR-001-storage-and-migrations.md).

SELECT 1;
