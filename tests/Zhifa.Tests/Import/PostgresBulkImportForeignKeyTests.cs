using Dapper;
using Npgsql;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Import;

/// <summary>
/// ADR-014: a bulk import on PostgreSQL re-adds the case tables' foreign keys NOT VALID. They still refuse a bad new
/// row at once, and <see cref="PendingForeignKeys"/> (run by the server in the background) confirms the loaded rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkImportForeignKeyTests(PostgresServer server)
{
    [Fact]
    public async Task BulkImport_LeavesForeignKeysPending_StillEnforced_AndValidatedLater()
    {
        var target = await TestDatabases.PostgresAsync(server, migrate: false);
        var import = await CliProcess.RunAsync(TestDatabases.CliText(target), "import", TestPaths.HedongFixture);
        import.ExitCode.ShouldBe(0, import.StdErr);

        await using (var conn = (NpgsqlConnection)await target.OpenConnectionAsync())
        {
            // The case tables' own keys, and those of other tables that point at cases (the key of cases is rebuilt).
            (await PendingForeignKeys.ListAsync(conn)).ShouldBe([
                "case_file_review_files.FK_case_file_review_files_cases_case_id",
                "case_officers.FK_case_officers_cases_case_id", "case_officers.FK_case_officers_officers_officer_id",
                "cases.FK_cases_agencies_agency_id", "cases.FK_cases_powers_power_id",
                "evidence_files.FK_evidence_files_cases_case_id", "inspection_requests.FK_inspection_requests_cases_case_id",
                "inspections.FK_inspections_cases_case_id", "penalty_cases.FK_penalty_cases_cases_id",
                "publication_withdrawals.FK_publication_withdrawals_cases_case_id"]);

            // Not yet validated, but enforced for every new row.
            var caseId = await conn.ExecuteScalarAsync<long>("SELECT min(id) FROM cases");
            var refused = await Should.ThrowAsync<PostgresException>(() =>
                conn.ExecuteAsync("INSERT INTO case_officers (case_id, officer_id, filed_on) VALUES (@caseId, -1, DATE '2023-01-02')", new { caseId }));
            refused.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        }

        (await PendingForeignKeys.ValidateAsync(target)).ShouldBe(10);

        await using (var conn = (NpgsqlConnection)await target.OpenConnectionAsync())
            (await PendingForeignKeys.ListAsync(conn)).ShouldBeEmpty();
        (await PendingForeignKeys.ValidateAsync(target)).ShouldBe(0);
    }

    [Fact]
    public async Task Validation_NamesARowWrittenAroundTheImporter()
    {
        var target = await TestDatabases.PostgresAsync(server, migrate: false);
        var import = await CliProcess.RunAsync(TestDatabases.CliText(target), "import", TestPaths.HedongFixture);
        import.ExitCode.ShouldBe(0, import.StdErr);
        await using (var conn = (NpgsqlConnection)await target.OpenConnectionAsync())
        {
            // What the re-check is for: a row that bypassed every check (triggers off, as only a superuser can).
            await conn.ExecuteAsync("SET session_replication_role = replica; UPDATE case_officers SET officer_id = -7 WHERE ctid = (SELECT ctid FROM case_officers LIMIT 1); SET session_replication_role = origin");
        }

        var failure = await Should.ThrowAsync<PostgresException>(() => PendingForeignKeys.ValidateAsync(target));
        failure.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }
}
