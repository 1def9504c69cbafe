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

        var md = await CliProcess.RunAsync(db, "report", "annual", "--year", "2023", "--format", "md", "--out", dir.File("report.md"));
        md.ExitCode.ShouldBe(0, md.StdErr);
        var text = await File.ReadAllTextAsync(dir.File("report.md"));
        text.ShouldContain("## 一、基本情况");
        text.ShouldContain("2023年全区42个行政执法机关共有持证行政执法人员982人");
        text.ShouldContain("共办理行政执法案件31065件,包括行政检查29065件、行政处罚1968件、其他类型32件,年度办案量同比上升27.1%");
        text.ShouldContain("区属委办局合计办理行政执法案件14867件,其中行政检查13719件、行政处罚1148件");
        text.ShouldContain("行政执法人员参与办案率100%,执法机关执法率100%,执法职权履职率100%");
        text.ShouldContain("| 120102007 |");
        text.ShouldContain("HD20230013795");
        text.ShouldContain("(三)未在7个工作日内公示的处罚决定(22件)");
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
