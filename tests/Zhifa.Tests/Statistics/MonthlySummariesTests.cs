using System.Data.Common;
using Dapper;
using Zhifa.Data.Import;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Statistics;

/// <summary>
/// The monthly summaries (V014, ADR-019) stay equal to the case tables whoever writes them — a bulk import that counts
/// for itself, the triggers for every other insert, update and delete — and the statistics read from them equal the
/// statistics read from the cases alone, for whole and partial months.
/// </summary>
public abstract class MonthlySummariesTests
{
    protected abstract Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir);

    protected abstract int SummaryTriggers { get; }

    private static async Task<DatabaseTarget> HedongAsync(DatabaseTarget target)
    {
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(TestPaths.HedongFixture, errors);
        outcome.Committed.ShouldBeTrue(string.Join("\n", errors.Errors)); // 55,506 cases: the bulk path
        return target;
    }

    private static async Task AgreeAsync(DbConnection conn, string after) =>
        (await MonthlySummaries.DifferencesAsync(conn)).ShouldBeEmpty($"summaries differ from the cases after {after}");

    [Fact]
    public async Task BulkImport_CountsWhatItLoads_AndPutsTheTriggersBack()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        await using var conn = await target.OpenConnectionAsync();

        await AgreeAsync(conn, "the bulk import");
        (await conn.ExecuteScalarAsync<long>("SELECT sum(cases) FROM case_month_counts")).ShouldBe(55506);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM officer_month_cases")).ShouldBeGreaterThan(1000);
        (await conn.ExecuteScalarAsync<long>("SELECT sum(decisions) FROM decision_month_fines")).ShouldBeGreaterThan(0);
        (await conn.ExecuteScalarAsync<long>(target.Provider == DatabaseProvider.Postgres
            ? "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'zhifa_case%'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'zhifa_case%'")).ShouldBe(SummaryTriggers);

        // The check itself sees a summary row edited by hand, and one deleted.
        await conn.ExecuteAsync("UPDATE case_month_counts SET cases = cases + 1 WHERE power_id = (SELECT min(power_id) FROM case_month_counts)");
        (await MonthlySummaries.DifferencesAsync(conn)).ShouldNotBeEmpty();
        await conn.ExecuteAsync("UPDATE case_month_counts SET cases = cases - 1 WHERE power_id = (SELECT min(power_id) FROM case_month_counts)");
        await conn.ExecuteAsync("DELETE FROM officer_month_cases WHERE officer_id = (SELECT min(officer_id) FROM officer_month_cases)");
        var missing = await MonthlySummaries.DifferencesAsync(conn);
        missing.ShouldNotBeEmpty();
        missing.ShouldAllBe(d => d.StartsWith("officer_month_cases", StringComparison.Ordinal));
    }

    /// <summary>
    /// The bulk counts find a power's or an officer's slot by its id alone, as the importer's checks tie a power to its
    /// agency and kind and an officer to its agency; a row that did not — a power or officer met again with another
    /// agency — is still counted under its own key.
    /// </summary>
    [Fact]
    public async Task BulkCounts_KeepAPowerOrOfficerMetWithAnotherAgencyApart()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var counts = new MonthlySummaries.BulkCounts();
        CaseRow Row(long agency, long power, params long[] officers)
        {
            var row = new CaseRow { AgencyId = agency, PowerId = power, Category = Zhifa.Domain.Catalog.PowerCategory.Inspection, FiledOn = new DateOnly(2025, 3, 4) };
            row.OfficerIds.AddRange(officers);
            return row;
        }
        counts.Add(Row(1, 10, 100, 101));
        counts.Add(Row(1, 10, 100));
        counts.Add(Row(2, 10, 100)); // power 10 and officer 100 again, with agency 2

        await using var conn = await target.OpenConnectionAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await counts.AddToAsync(conn, tx);
            await tx.CommitAsync();
        }

        (await conn.QueryAsync<(long, long, long)>("SELECT agency_id, power_id, cases FROM case_month_counts ORDER BY agency_id"))
            .ShouldBe([(1L, 10L, 2L), (2L, 10L, 1L)]);
        (await conn.QueryAsync<(long, long, long)>("SELECT officer_id, agency_id, cases FROM officer_month_cases ORDER BY officer_id, agency_id"))
            .ShouldBe([(100L, 1L, 2L), (100L, 2L, 1L), (101L, 1L, 1L)]);
    }

    [Fact]
    public async Task ASecondBulkImport_AddsToTheSummariesAlreadyThere()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        // The same 55,506 cases again under other numbers: large enough for the bulk path, into summaries not empty.
        var folder = Path.Combine(dir.Path, "again");
        Directory.CreateDirectory(folder);
        var lines = await File.ReadAllLinesAsync(Path.Combine(TestPaths.HedongFixture, "cases.csv"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "cases.csv"), lines.Take(1).Concat(lines.Skip(1).Select(l => "B" + l)));
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(folder, errors);
        outcome.Committed.ShouldBeTrue(string.Join("\n", errors.Errors));

        await using var conn = await target.OpenConnectionAsync();
        await AgreeAsync(conn, "a second bulk import");
        (await conn.ExecuteScalarAsync<long>("SELECT sum(cases) FROM case_month_counts")).ShouldBe(2 * 55506);
    }

    [Fact]
    public async Task Triggers_KeepTheSummaries_ThroughInsertsUpdatesAndDeletes()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        await using var conn = await target.OpenConnectionAsync();
        var penalty = await conn.QuerySingleAsync<(long Id, long Agency)>(
            "SELECT id, agency_id FROM cases WHERE category = 'Penalty' AND decided_on IS NOT NULL AND fine_fen > 0 ORDER BY id LIMIT 1");
        var other = await conn.QuerySingleAsync<(long Agency, long Power)>(
            "SELECT agency_id, id FROM powers WHERE category = 'Penalty' AND agency_id <> @a ORDER BY id LIMIT 1", new { a = penalty.Agency });

        await conn.ExecuteAsync("UPDATE cases SET fine_fen = fine_fen + 12345, decided_on = '2023-03-31' WHERE id = @Id", new { penalty.Id });
        await AgreeAsync(conn, "a changed fine and decision date");
        await conn.ExecuteAsync("UPDATE cases SET filed_on = '2023-02-01' WHERE id = @Id", new { penalty.Id });
        await AgreeAsync(conn, "a changed filing date");
        await conn.ExecuteAsync("UPDATE cases SET agency_id = @Agency, power_id = @Power WHERE id = @Id", new { other.Agency, other.Power, penalty.Id });
        await AgreeAsync(conn, "a case moved to another agency with its officers");
        await conn.ExecuteAsync("UPDATE cases SET category = 'Inspection', decided_on = NULL WHERE id = @Id", new { penalty.Id });
        await AgreeAsync(conn, "a penalty turned inspection");

        var link = await conn.QuerySingleAsync<(long Case, long Officer)>("SELECT case_id, officer_id FROM case_officers ORDER BY case_id LIMIT 1");
        var stranger = await conn.ExecuteScalarAsync<long>("SELECT id FROM officers WHERE id <> @Officer ORDER BY id DESC LIMIT 1", new { link.Officer });
        await conn.ExecuteAsync("UPDATE case_officers SET officer_id = @stranger, filed_on = '2021-06-15' WHERE case_id = @Case AND officer_id = @Officer",
            new { stranger, link.Case, link.Officer });
        await AgreeAsync(conn, "a link given to another officer and month");
        await conn.ExecuteAsync("DELETE FROM case_officers WHERE case_id = @Case", new { link.Case });
        await conn.ExecuteAsync("DELETE FROM publication_withdrawals WHERE case_id = @Case", new { link.Case });
        await conn.ExecuteAsync("DELETE FROM published_decisions WHERE case_id = @Case", new { link.Case });
        await conn.ExecuteAsync("DELETE FROM cases WHERE id = @Case", new { link.Case });
        await AgreeAsync(conn, "a case deleted with its links");

        await conn.ExecuteAsync(
            "INSERT INTO cases (number, agency_id, category, power_id, filed_on, procedure, fine_fen, decided_on, extension_days) " +
            "VALUES ('SUMMARY-NEW', @Agency, 'Penalty', @Power, '2024-01-31', 'General', 50000, '2024-02-29', 0)", new { other.Agency, other.Power });
        var id = await conn.ExecuteScalarAsync<long>("SELECT id FROM cases WHERE number = 'SUMMARY-NEW'");
        await conn.ExecuteAsync("INSERT INTO case_officers (case_id, officer_id, filed_on) SELECT @id, id, '2024-01-31' FROM officers WHERE agency_id = @Agency ORDER BY id LIMIT 2",
            new { id, other.Agency });
        await AgreeAsync(conn, "a new case with two officers");
        (await conn.ExecuteScalarAsync<long>("SELECT sum(cases) FROM case_month_counts")).ShouldBe(55506);
    }

    /// <summary>
    /// A workflow step rewrites the whole row of its case. The summaries are written only when a counted column really
    /// changes (V016), so concurrent steps of one agency do not queue on its summary rows.
    /// </summary>
    [Fact]
    public async Task ARewriteWithTheSameValues_LeavesTheSummariesUntouched()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        await using var conn = await target.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<long>("SELECT min(id) FROM cases WHERE category = 'Penalty' AND decided_on IS NOT NULL");
        var link = await conn.QuerySingleAsync<(long Case, long Officer)>("SELECT case_id, officer_id FROM case_officers ORDER BY case_id LIMIT 1");

        (await SummaryRowsWrittenAsync(conn, () => conn.ExecuteAsync(
            "UPDATE cases SET agency_id = agency_id, filed_on = filed_on, category = category, power_id = power_id, decided_on = decided_on, " +
            "fine_fen = fine_fen, party_name = party_name WHERE id = @id", new { id }))).ShouldBe(0);
        (await SummaryRowsWrittenAsync(conn, () => conn.ExecuteAsync(
            "UPDATE case_officers SET case_id = case_id, officer_id = officer_id, filed_on = filed_on WHERE case_id = @Case AND officer_id = @Officer",
            new { link.Case, link.Officer }))).ShouldBe(0);
        // A real change still is: the fine moves the decision month's row.
        (await SummaryRowsWrittenAsync(conn, () => conn.ExecuteAsync("UPDATE cases SET fine_fen = fine_fen + 1 WHERE id = @id", new { id })))
            .ShouldBeGreaterThan(0);
        await AgreeAsync(conn, "rewrites with the same values and one changed fine");
    }

    /// <summary>How many summary rows <paramref name="act"/> wrote (inserted, updated or deleted).</summary>
    protected abstract Task<long> SummaryRowsWrittenAsync(DbConnection conn, Func<Task> act);

    [Fact]
    public async Task SmallAndUpsertImports_GoThroughTheTriggers()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        var lines = await File.ReadAllLinesAsync(Path.Combine(TestPaths.HedongFixture, "cases.csv"));
        var penalty = lines.Skip(1).Where(l => l.Contains(",行政处罚,", StringComparison.Ordinal) && l.Contains(",普通程序,", StringComparison.Ordinal)).Take(2).ToList();
        // The same cases filed a month later, and one new case: an upsert updates two rows and inserts one.
        string Later(string line)
        {
            var cells = line.Split(',');
            cells[4] = DateOnly.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            cells[9] = "4321.00";
            return string.Join(',', cells);
        }
        var fresh = penalty[0].Split(',');
        fresh[0] = "HD-SUMMARY-1";
        var folder = Path.Combine(dir.Path, "upsert");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "cases.csv"), [lines[0], Later(penalty[0]), Later(penalty[1]), string.Join(',', fresh)]);

        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, new ImportOptions { Upsert = true }, TimeProvider.System).RunAsync(folder, errors);
        outcome.Committed.ShouldBeTrue(string.Join("\n", errors.Errors));
        outcome.Files.Single().ShouldBe(new ImportFileSummary("cases.csv", 1, 2));
        await using var conn = await target.OpenConnectionAsync();
        await AgreeAsync(conn, "an upsert import");

        fresh[0] = "HD-SUMMARY-2";
        await File.WriteAllLinesAsync(Path.Combine(folder, "cases.csv"), [lines[0], string.Join(',', fresh)]);
        outcome = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(folder, errors);
        outcome.Committed.ShouldBeTrue(string.Join("\n", errors.Errors));
        await AgreeAsync(conn, "a small plain import");
        (await conn.ExecuteScalarAsync<long>("SELECT sum(cases) FROM case_month_counts")).ShouldBe(55508);
    }

    public static TheoryData<string, string> Periods => new()
    {
        { "2023-01-01", "2023-12-31" }, // whole months only
        { "2023-02-15", "2023-05-10" }, // a partial month at each end
        { "2023-03-01", "2023-03-20" }, // inside one month
        { "2022-11-30", "2023-02-28" }, // across the year, one day before the whole months
        { "2023-06-01", "2023-06-30" }, // one whole month
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task FiguresFromTheSummaries_EqualFiguresFromTheCases(string from, string to)
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await HedongAsync(await NewDatabaseAsync(dir));
        var period = new StatisticsPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var fast = await StatisticsService.ForAsync(target);
        var slow = new StatisticsService(target, await new Zhifa.Data.Calendar.CalendarStore(target).LoadAsync(), new Zhifa.Domain.Cases.PenaltyLimits())
        {
            UseMonthlySummaries = false,
        };
        foreach (var scope in new[] { StatisticsScope.All, StatisticsScope.ForAgency("120102003"), StatisticsScope.ForRegion("120100") })
        {
            var a = (await fast.ComputeAsync(period, scope)).Value;
            var b = (await slow.ComputeAsync(period, scope)).Value;
            System.Text.Json.JsonSerializer.Serialize(a).ShouldBe(System.Text.Json.JsonSerializer.Serialize(b), $"{from}..{to} {scope}");
            a.Cases.Total.ShouldBeGreaterThan(0);
        }
    }
}

public sealed class MonthlySummariesSqliteTests : MonthlySummariesTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.SqliteAsync(dir);
    protected override int SummaryTriggers => 6;

    /// <summary>SQLite's <c>total_changes()</c> counts the rows the triggers wrote too; the statement's own row is one.</summary>
    protected override async Task<long> SummaryRowsWrittenAsync(DbConnection conn, Func<Task> act)
    {
        var before = await conn.ExecuteScalarAsync<long>("SELECT total_changes()");
        await act();
        return await conn.ExecuteScalarAsync<long>("SELECT total_changes()") - before - 1;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class MonthlySummariesPostgresTests(PostgresServer server) : MonthlySummariesTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.PostgresAsync(server);
    protected override int SummaryTriggers => 4;

    /// <summary>Every write gives a row a new <c>xmin</c> (or removes it): the summary rows' (ctid, xmin) before and after.</summary>
    protected override async Task<long> SummaryRowsWrittenAsync(DbConnection conn, Func<Task> act)
    {
        const string versions = "SELECT 'c' || ctid::text || xmin::text FROM case_month_counts UNION ALL " +
                                "SELECT 'o' || ctid::text || xmin::text FROM officer_month_cases UNION ALL " +
                                "SELECT 'd' || ctid::text || xmin::text FROM decision_month_fines";
        var before = (await conn.QueryAsync<string>(versions)).ToHashSet();
        await act();
        var after = (await conn.QueryAsync<string>(versions)).ToHashSet();
        return before.Except(after).Count() + after.Except(before).Count();
    }
}
