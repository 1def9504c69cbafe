using System.Text.Json.Nodes;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Statistics;

/// <summary>
/// The acceptance data set: importing shared/fixtures/hedong-2023 and asking for the 2023 annual report as JSON
/// gives expected.json — through the real CLI, on SQLite and on PostgreSQL.
/// </summary>
public abstract class HedongFixtureTests
{
    protected abstract Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir);

    [Fact]
    public async Task ReportAnnualJson_AfterImportingHedong_EqualsExpectedJson()
    {
        using var dir = TestPaths.NewTempDirectory();
        var db = TestDatabases.CliText(await NewDatabaseAsync(dir));

        var import = await CliProcess.RunAsync(db, "import", TestPaths.HedongFixture);
        import.ExitCode.ShouldBe(0, import.StdErr);
        import.StdOut.ShouldContain("cases.csv: 新增 55506 条");

        var report = await CliProcess.RunAsync(db, "report", "annual", "--year", "2023", "--format", "json");
        report.ExitCode.ShouldBe(0, report.StdErr);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.HedongFixture, "expected.json")));
        var actual = JsonNode.Parse(report.StdOut);
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"actual:\n{report.StdOut}");
        report.StdOut.TrimEnd().ShouldBe((await File.ReadAllTextAsync(Path.Combine(TestPaths.HedongFixture, "expected.json"))).TrimEnd());
    }
}

public sealed class HedongFixtureSqliteTests : HedongFixtureTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.SqliteAsync(dir, migrate: false);
}

[Collection(PostgresCollection.Name)]
public sealed class HedongFixturePostgresTests(PostgresServer server) : HedongFixtureTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.PostgresAsync(server, migrate: false);
}
