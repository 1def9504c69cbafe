using Dapper;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Import;

/// <summary>Every rule of exchange-format.md refuses the run with <c>file:line: column: reason</c> and writes nothing.</summary>
public abstract class ImportRulesTests
{
    protected abstract Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir);

    private const string Agencies = "机关编码,机关名称,机关类别,区划代码\nA1,河东区市场监督管理局,委办局,120102\nA2,河东区大王庄街道办事处,街道办事处,120102\n";
    private const string Powers = "职权编码,职权名称,职权类别,实施机关编码\nA1-J01,日常监督检查,行政检查,A1\nA1-C01,对未按规定备案,行政处罚,A1\nA2-J01,日常检查,行政检查,A2\n";
    private const string Officers = "执法证号,姓名,所属机关编码,发证日期,注销日期,法制审核人员\nO1,张三,A1,2020-01-01,,否\nO2,李四,A1,2020-01-01,2023-06-30,是\nO3,王五,A1,2020-01-01,,否\nO4,赵六,A2,2020-01-01,,否\n";
    private const string CaseHeader = "案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型,当事人类型,当事人名称,统一社会信用代码,罚款金额,决定日期,公示日期,结案日期,处理结果\n";

    private static Task<(ImportOutcome Outcome, List<ImportError> Errors)> ImportAsync(DatabaseTarget target, TempDirectory dir,
        string cases, bool upsert = false, bool withCatalog = true)
    {
        (string, string)[] catalog = withCatalog ? [("agencies.csv", Agencies), ("powers.csv", Powers), ("officers.csv", Officers)] : [];
        return ImportFilesAsync(target, dir, new ImportOptions { Upsert = upsert }, [.. catalog, ("cases.csv", CaseHeader + cases)]);
    }

    /// <summary>Writes the named exchange files into a fresh folder and imports it.</summary>
    private static async Task<(ImportOutcome Outcome, List<ImportError> Errors)> ImportFilesAsync(DatabaseTarget target, TempDirectory dir,
        ImportOptions options, params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(dir.Path, "in-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
            await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        var sink = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, options, TimeProvider.System).RunAsync(folder, sink);
        return (outcome, sink.Errors);
    }

    private static async Task<long> CountAsync(DatabaseTarget target, string table)
    {
        await using var c = await target.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    [Theory]
    [InlineData("C1,A1,行政检查,A1-J01,2023-03-01,O1,,,,,,,,,", "执法人员", "至少需要两名不同的执法人员")]
    [InlineData("C1,A1,行政检查,A1-J01,2023-03-01,O1;O1,,,,,,,,,", "执法人员", "至少需要两名不同的执法人员")]
    [InlineData("C1,A1,行政检查,A1-J01,2023-07-01,O1;O2,,,,,,,,,", "执法人员", "已于2023-06-30注销")]
    [InlineData("C1,A1,行政检查,A1-J01,2019-12-31,O1;O3,,,,,,,,,", "执法人员", "尚未取得")]
    [InlineData("C1,A1,行政检查,A1-J01,2023-03-01,O1;O4,,,,,,,,,", "执法人员", "不属于办案机关")]
    [InlineData("C1,A1,行政检查,A2-J01,2023-03-01,O1;O3,,,,,,,,,", "职权编码", "不属于办案机关")]
    [InlineData("C1,A1,行政处罚,A1-J01,2023-03-01,O1;O3,普通程序,,,,,,,,", "职权编码", "与案件类别")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,,,,,,,,,", "程序类型", "必须填写程序类型")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,简易程序,自然人,张某,,200.01,2023-03-01,,,", "罚款金额", "不得超过200元")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,简易程序,法人,某公司,,3000.01,2023-03-01,,,", "罚款金额", "不得超过3000元")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,普通程序,法人,某公司,,12.345,,,,", "罚款金额", "最多两位小数")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,普通程序,法人,某公司,,-5,,,,", "罚款金额", "非负数")]
    [InlineData("C1,A1,行政检查,A1-J01,2023-02-30,O1;O3,,,,,,,,,", "立案日期", "YYYY-MM-DD")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,普通程序,法人,某公司,,100,2023-02-28,,,", "决定日期", "早于立案日期")]
    [InlineData("C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,普通程序,法人,某公司,91350100M000100Y44,100,,,,", "统一社会信用代码", "第18位")]
    [InlineData("C1,A9,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,", "机关编码", "不存在")]
    [InlineData("C1,A1,许可证,A1-J01,2023-03-01,O1;O3,,,,,,,,,", "案件类别", "不是有效的案件类别")]
    public async Task Import_WhenARowBreaksARule_RefusesAllWithFileLineColumnAndReason(string row, string column, string reason)
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var good = "C0,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\n";

        var (outcome, errors) = await ImportAsync(target, dir, good + row + "\n");

        outcome.Committed.ShouldBeFalse();
        errors.ShouldContain(e => e.File == "cases.csv" && e.Line == 3 && e.Column == column && e.Reason.Contains(reason),
            string.Join("\n", errors));
        (await CountAsync(target, "agencies")).ShouldBe(0);
        (await CountAsync(target, "cases")).ShouldBe(0);
    }

    [Fact]
    public async Task Import_WhenSummaryFineIsExactlyTheLimit_Accepts()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var (outcome, errors) = await ImportAsync(target, dir,
            "C1,A1,行政处罚,A1-C01,2023-03-01,O1;O3,简易程序,自然人,张某,,200.00,2023-03-01,,,\n" +
            "C2,A1,行政处罚,A1-C01,2023-03-01,O1;O3,简易程序,其他组织,某合作社,,3000,2023-03-01,,,\n");
        errors.ShouldBeEmpty();
        outcome.Committed.ShouldBeTrue();
        (await CountAsync(target, "cases")).ShouldBe(2);
        (await CountAsync(target, "case_officers")).ShouldBe(4);
    }

    [Fact]
    public async Task Import_WhenCaseNumberRepeatsInFileOrDatabase_RefusesUnlessUpsert()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var row = "C1,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,未发现问题\n";
        (await ImportAsync(target, dir, row + row)).Errors.ShouldContain(e => e.Line == 3 && e.Reason.Contains("本次导入中重复"));
        (await ImportAsync(target, dir, row)).Outcome.Committed.ShouldBeTrue();

        var again = await ImportAsync(target, dir, row, withCatalog: false);
        again.Errors.ShouldContain(e => e.Line == 2 && e.Column == "案件编号" && e.Reason.Contains("--upsert"));

        var changed = "C1,A1,行政检查,A1-J01,2023-03-02,O1;O3,,,,,,,,,责令改正\n";
        var upsert = await ImportAsync(target, dir, changed, upsert: true, withCatalog: false);
        upsert.Errors.ShouldBeEmpty();
        upsert.Outcome.Files.Single(f => f.File == "cases.csv").Updated.ShouldBe(1);
        await using var c = await target.OpenConnectionAsync();
        (await c.ExecuteScalarAsync<string>("SELECT outcome FROM cases WHERE number = 'C1'")).ShouldBe("责令改正");
        (await CountAsync(target, "case_officers")).ShouldBe(2);
    }

    /// <summary>
    /// A long file whose early row repeats a stored case: on PostgreSQL the refusal comes from a COPY chunk while later
    /// chunks are still being read and encoded; the run still names the duplicate, with its line, and writes nothing.
    /// </summary>
    [Fact]
    public async Task Import_WhenALongFileRepeatsAStoredNumberEarly_NamesItAndWritesNothing()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        (await ImportAsync(target, dir, "C-5,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\n")).Outcome.Committed.ShouldBeTrue();

        var rows = new System.Text.StringBuilder();
        for (var i = 0; i < 70_000; i++)
            rows.Append("C").Append(i == 10 ? "-5" : i.ToString()).Append(",A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\n");
        var (outcome, errors) = await ImportAsync(target, dir, rows.ToString(), withCatalog: false);

        outcome.Committed.ShouldBeFalse();
        errors.ShouldHaveSingleItem().ToString().ShouldStartWith("cases.csv:12: 案件编号:");
        (await CountAsync(target, "cases")).ShouldBe(1);
        (await CountAsync(target, "case_officers")).ShouldBe(2);
    }

    /// <summary>
    /// A file large enough for a bulk load: on PostgreSQL the unique indexes and primary keys of the case tables are
    /// dropped for the load and built again at its end, where a number that repeats a stored case is found. The run
    /// still names it with its line, writes nothing, and leaves every index as it was.
    /// </summary>
    [Fact]
    public async Task Import_WhenABulkFileRepeatsAStoredNumberLate_NamesIt_WritesNothing_AndKeepsTheIndexes()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        (await ImportAsync(target, dir, "C-5,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\n")).Outcome.Committed.ShouldBeTrue();
        var indexesBefore = await IndexesAsync(target);

        var outcome = string.Concat(Enumerable.Repeat("责令改正", 8)); // rows of about 136 bytes: 55,000 make a bulk load
        var rows = new System.Text.StringBuilder();
        for (var i = 0; i < 55_000; i++)
            rows.Append('C').Append(i == 54_000 ? "-5" : i.ToString()).Append(",A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,").Append(outcome).Append('\n');
        var (result, errors) = await ImportAsync(target, dir, rows.ToString(), withCatalog: false);

        result.Committed.ShouldBeFalse();
        errors.ShouldHaveSingleItem().ToString().ShouldStartWith("cases.csv:54002: 案件编号:");
        (await CountAsync(target, "cases")).ShouldBe(1);
        (await CountAsync(target, "case_officers")).ShouldBe(2);
        (await IndexesAsync(target)).ShouldBe(indexesBefore);
        indexesBefore.ShouldContain(i => i.Contains("PK_cases") || i.Contains("sqlite_autoindex_case_officers"));
    }

    private static async Task<List<string>> IndexesAsync(DatabaseTarget target)
    {
        await using var c = await target.OpenConnectionAsync();
        return (await c.QueryAsync<string>(target.Provider == DatabaseProvider.Postgres
            ? "SELECT indexdef FROM pg_indexes WHERE tablename IN ('cases', 'case_officers', 'published_decisions') ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cases', 'case_officers', 'published_decisions') ORDER BY 1")).ToList();
    }

    [Fact]
    public async Task Import_WhenRowsAreDuplicatedAndOthersBroken_ReportsEachErrorOnce()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var (outcome, errors) = await ImportAsync(target, dir,
            "C1,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\n" +
            "C1,A1,行政检查,A1-J01,2023-03-02,O1;O3,,,,,,,,,\n" +
            "C2,A1,行政检查,A1-J01,2023-02-30,O1;O3,,,,,,,,,\n" +
            "C3,A1,行政检查,A1-J01,2023-03-03,O1;O3,,,,,,,,,\n");
        outcome.Committed.ShouldBeFalse();
        errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal).ShouldBe(
        [
            "cases.csv:3: 案件编号: 案件编号\"C1\"在本次导入中重复出现",
            "cases.csv:4: 立案日期: 日期\"2023-02-30\"无效,应为 YYYY-MM-DD 格式的有效日期",
        ]);
        (await CountAsync(target, "cases")).ShouldBe(0);
    }

    /// <summary>
    /// What the catalogue files write, field by field: agencies with and without a parent, powers, officers with a
    /// revocation, a legal-review qualification and a resident ID, and their certificate events (PostgreSQL writes each
    /// file's new rows in one statement over arrays, SQLite one by one).
    /// </summary>
    [Fact]
    public async Task Import_OfTheCatalogue_WritesEveryFieldAndTheCertificateEvents()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var (outcome, errors) = await ImportFilesAsync(target, dir, new ImportOptions { Actor = "测试" },
            ("agencies.csv", "机关编码,机关名称,机关类别,区划代码,上级机关编码\nA1,河东区市场监督管理局,委办局,120102,\nA2,河东区大王庄街道办事处,街道办事处,120102,A1\n"),
            ("powers.csv", "职权编码,职权名称,职权类别,实施机关编码,法律依据\nA1-C01,对未按规定备案,行政处罚,A1,《食品安全法》第一百二十六条\nA2-J01,日常检查,行政检查,A2,\n"),
            ("officers.csv", "执法证号,姓名,所属机关编码,发证日期,注销日期,法制审核人员,身份证号\n" +
                             "O1,张三,A1,2020-01-01,,是,11010519491231002X\nO2,李四,A2,2019-05-06,2023-06-30,否,\n"));
        outcome.Committed.ShouldBeTrue(string.Join("\n", errors));

        await using var c = await target.OpenConnectionAsync();
        (await c.QueryAsync<(string, string, string, string, string?)>(
                "SELECT code, name, category, region_code, parent_code FROM agencies ORDER BY code")).ToList()
            .ShouldBe([("A1", "河东区市场监督管理局", "Bureau", "120102", null), ("A2", "河东区大王庄街道办事处", "StreetOffice", "120102", "A1")]);
        (await c.QueryAsync<(string, string, string, string, string?)>(
                "SELECT p.code, p.name, p.category, a.code, p.legal_basis FROM powers p JOIN agencies a ON a.id = p.agency_id ORDER BY p.code")).ToList()
            .ShouldBe([("A1-C01", "对未按规定备案", "Penalty", "A1", "《食品安全法》第一百二十六条"), ("A2-J01", "日常检查", "Inspection", "A2", null)]);
        (await c.QueryAsync<(string, string, string, DateOnly, DateOnly?, string?, bool, string?)>(
                "SELECT o.certificate_number, o.name, a.code, o.issued_on, o.revoked_on, o.revocation_reason, o.is_legal_reviewer, o.resident_id " +
                "FROM officers o JOIN agencies a ON a.id = o.agency_id ORDER BY o.certificate_number")).ToList()
            .ShouldBe([
                ("O1", "张三", "A1", new DateOnly(2020, 1, 1), null, null, true, "11010519491231002X"),
                ("O2", "李四", "A2", new DateOnly(2019, 5, 6), new DateOnly(2023, 6, 30), "导入:注销", false, null),
            ]);
        (await c.QueryAsync<(string, string, DateOnly, string, string)>(
                "SELECT o.certificate_number, e.kind, e.\"on\", e.reason, e.recorded_by FROM certificate_events e JOIN officers o ON o.id = e.officer_id " +
                "ORDER BY o.certificate_number, e.\"on\"")).ToList()
            .ShouldBe([
                ("O1", "Issued", new DateOnly(2020, 1, 1), "导入", "测试"),
                ("O2", "Issued", new DateOnly(2019, 5, 6), "导入", "测试"),
                ("O2", "Revoked", new DateOnly(2023, 6, 30), "导入:注销", "测试"),
            ]);
    }

    [Fact]
    public async Task Import_ThenAnotherImportAndANewCase_GetFreshIds()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        (await ImportAsync(target, dir, "C1,A1,行政检查,A1-J01,2023-03-01,O1;O3,,,,,,,,,\nC2,A1,行政检查,A1-J01,2023-03-02,O1;O3,,,,,,,,,\n"))
            .Outcome.Committed.ShouldBeTrue();
        (await ImportAsync(target, dir, "C3,A1,行政检查,A1-J01,2023-03-03,O1;O3,,,,,,,,,\n", withCatalog: false)).Outcome.Committed.ShouldBeTrue();
        await using var c = await target.OpenConnectionAsync();
        var agency = await c.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'A1'");
        var power = await c.ExecuteScalarAsync<long>("SELECT id FROM powers WHERE code = 'A1-J01'");
        // a case written later by the platform itself takes the next id after the imported ones
        var id = await c.ExecuteScalarAsync<long>(
            "INSERT INTO cases (number, agency_id, category, power_id, filed_on, extension_days) VALUES ('C4', @agency, 'Inspection', @power, @d, 0) RETURNING id",
            new { agency, power, d = new DateOnly(2023, 3, 4) });
        var ids = (await c.QueryAsync<long>("SELECT id FROM cases ORDER BY number")).ToList();
        ids.Distinct().Count().ShouldBe(4);
        id.ShouldBeGreaterThan(ids.Take(3).Max());
        (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM case_officers WHERE case_id IN (SELECT id FROM cases WHERE number = 'C3')")).ShouldBe(2);
    }

    [Fact]
    public async Task Import_WhenHeaderHasUnknownColumn_NamesItAndWritesNothing()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var (outcome, errors) = await ImportFilesAsync(target, dir, new ImportOptions(),
            ("agencies.csv", "\uFEFF机关编码,机关名称,机关类别,区划代码,机关电话\nA1,某局,委办局,120102,123\n"));
        outcome.Committed.ShouldBeFalse();
        errors.ShouldHaveSingleItem().ToString().ShouldStartWith("agencies.csv:1: 机关电话: 未知列");
    }

    [Fact]
    public async Task Import_WhenOfficerHasBadResidentId_NamesTheCharacter()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var (_, errors) = await ImportFilesAsync(target, dir, new ImportOptions(), ("agencies.csv", Agencies),
            ("officers.csv", "执法证号,姓名,所属机关编码,发证日期,身份证号\nO1,张三,A1,2020-01-01,11010519491231002X\nO2,李四,A1,2020-01-01,110105194912310021\n"));
        errors.ShouldHaveSingleItem();
        errors[0].Line.ShouldBe(3);
        errors[0].Column.ShouldBe("身份证号");
        errors[0].Reason.ShouldContain("第18位");
    }

    [Fact]
    public async Task ImportCli_WhenRowsAreBad_PrintsEachErrorAndExitsTwo()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var folder = Path.Combine(dir.Path, "cli");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "agencies.csv"), Agencies + "A3,某局,委员会,120102\n");
        var result = await CliProcess.RunAsync(TestDatabases.CliText(target), "import", folder);
        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("agencies.csv:4: 机关类别: \"委员会\"不是有效的机关类别");
        result.StdErr.ShouldContain("未写入任何数据");
        (await CountAsync(target, "agencies")).ShouldBe(0);
    }
}

public sealed class ImportRulesSqliteTests : ImportRulesTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.SqliteAsync(dir);
}

[Collection(PostgresCollection.Name)]
public sealed class ImportRulesPostgresTests(PostgresServer server) : ImportRulesTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.PostgresAsync(server);
}
