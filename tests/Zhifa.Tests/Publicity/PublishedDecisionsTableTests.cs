using System.Globalization;
using Dapper;
using Zhifa.Data.Import;
using Zhifa.Data.Publicity;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Publicity;
using Zhifa.Publicity;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Publicity;

/// <summary>
/// <c>published_decisions</c> (ADR-011) holds exactly the published, not withdrawn general-procedure decisions the case
/// table describes, with the searchable text the masking rules allow, after every way publication changes: an import,
/// another import, an <c>--upsert</c> re-import, a withdrawal, and the upgrade to V008 of a database that has cases.
/// </summary>
public abstract class PublishedDecisionsTableTests
{
    protected abstract Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir, bool migrate = true);

    private const string Catalog = "机关编码,机关名称,机关类别,区划代码\nA1,河东区市场监督管理局,委办局,120102\n";
    private const string Powers = "职权编码,职权名称,职权类别,实施机关编码\nA1-J01,日常监督检查,行政检查,A1\nA1-C01,对销售不合格产品的行政处罚,行政处罚,A1\n";
    private const string Officers = "执法证号,姓名,所属机关编码,发证日期,注销日期,法制审核人员\nO1,张伟,A1,2020-01-01,,否\nO2,李娜,A1,2020-01-01,,是\n";
    private const string Header = "案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型,当事人类型,当事人名称,统一社会信用代码,罚款金额,决定日期,公示日期,结案日期,处理结果\n";

    private static string Penalty(string number, string? type, string name, string? code, string decided, string published,
        string procedure = "普通程序", string fine = "60000") =>
        $"{number},A1,行政处罚,A1-C01,2025-01-02,O1;O2,{procedure},{type},{name},{code},{fine},{decided},{published},,罚款\n";

    private static readonly string FirstFile =
        Penalty("ORG", "法人", "天津市河东区鑫盛商贸有限公司", "91120102MA05K3QX1N", "2025-03-01", "2025-03-05") +
        Penalty("PERSON", "自然人", "张三丰", null, "2025-03-02", "2025-03-06") +
        Penalty("COMPOUND", "自然人", "欧阳修", null, "2025-03-02", "2025-03-06") +
        Penalty("TWO", "自然人", "司马", null, "2025-03-03", "2025-03-07") +
        Penalty("UNKNOWN", "", "王五", null, "2025-03-03", "2025-03-07") +
        Penalty("ASTRAL", "其他组织", "𠮷野家𠮷牛丼店", null, "2025-03-04", "2025-03-08") +
        Penalty("UNPUBLISHED", "法人", "天津鑫盛未公示有限公司", null, "2025-03-04", "") +
        Penalty("SUMMARY", "自然人", "李小明", null, "2025-03-04", "", procedure: "简易程序", fine: "100") +
        "INSPECTION,A1,行政检查,A1-J01,2025-03-01,O1;O2,,法人,天津鑫盛检查有限公司,,,,,2025-03-01,未发现问题\n";

    [Fact]
    public async Task Import_OfPublishedDecisions_FillsTheTableWithTheSearchableTextOnly()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);

        await ImportAsync(target, dir, FirstFile);

        var rows = await TableAsync(target);
        rows.Keys.Order().ShouldBe(["ASTRAL", "COMPOUND", "ORG", "PERSON", "TWO", "UNKNOWN"]);
        rows["ORG"].SearchText.ShouldBe("天津市河东区鑫盛商贸有限公司");
        rows["ORG"].PartyCreditCode.ShouldBe("91120102MA05K3QX1N");
        rows["PERSON"].SearchText.ShouldBe("张"); // never the hidden given name
        rows["COMPOUND"].SearchText.ShouldBe("欧阳");
        rows["TWO"].SearchText.ShouldBe("司");
        rows["UNKNOWN"].SearchText.ShouldBe("王");
        rows["UNKNOWN"].PartyType.ShouldBeNull();
        rows["ASTRAL"].PartyGrams.ShouldBe("𠮷 𠮷野 野 野家 家 家𠮷 𠮷 𠮷牛 牛 牛丼 丼 丼店 店"); // by character, not UTF-16 unit
        await TableIsWhatTheCasesSayAsync(target);
    }

    /// <summary>
    /// A file large enough for a bulk load (the Hedong fixture, 55,506 cases): the table is filled after the case
    /// tables' indexes are rebuilt and before its own are, and holds the same rows as a row-by-row import would.
    /// </summary>
    [Fact]
    public async Task BulkImport_FillsTheTableFromTheLoadedCases()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var sink = new ListErrorSink();

        var outcome = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(TestPaths.HedongFixture, sink);

        outcome.Committed.ShouldBeTrue(string.Join("\n", sink.Errors));
        (await TableAsync(target)).Count.ShouldBeGreaterThan(1000);
        await TableIsWhatTheCasesSayAsync(target);
    }

    /// <summary>
    /// However a plain import fills the table — on PostgreSQL its direct writer builds each row in C# and copies it with
    /// the cases —, the rows are the ones the set-based INSERT … SELECT of every other writer gives. The names tell apart
    /// counting by character or by UTF-16 unit or by text element (a combining accent, a character outside the BMP), a
    /// compound surname with and without a given name, and what an organisation and a person may show.
    /// </summary>
    [Fact]
    public async Task Import_WritesTheRowsTheSetBasedSelectGives()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        await ImportAsync(target, dir, FirstFile +
            Penalty("ACCENT", "自然人", "e\u0301mile", null, "2025-03-05", "2025-03-09") +
            Penalty("ASTRAL-PERSON", "自然人", "𠮷野家", null, "2025-03-05", "2025-03-09") +
            Penalty("COMPOUND-LONG", "自然人", "欧阳娜娜", null, "2025-03-05", "2025-03-09") +
            Penalty("PERSON-CODE", "自然人", "赵六", "91120102MA05K3QX1N", "2025-03-05", "2025-03-09") +
            Penalty("ORG-NO-CODE", "其他组织", "河东区某某个体工商户", null, "2025-03-06", "2025-03-10"));
        await using var c = await target.OpenConnectionAsync();
        var stored = await RowsAsync(c, null);

        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync("DELETE FROM published_decisions", transaction: tx);
        await PublishedDecisions.AddImportedAsync(c, tx, lastIdBefore: 0);
        var selected = await RowsAsync(c, tx);
        await tx.RollbackAsync();

        stored.Count.ShouldBe(11);
        stored.ShouldBe(selected);
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx) =>
        (await c.QueryAsync("SELECT * FROM published_decisions ORDER BY sort_key", transaction: tx))
        .Select(r => string.Join(" | ", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}")))
        .ToList();

    [Fact]
    public async Task Import_OfMoreCases_AddsTheirDecisionsAndKeepsAWithdrawnOneOut()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        await ImportAsync(target, dir, FirstFile);
        await WithdrawAsync(target, "PERSON");

        await ImportAsync(target, dir, Penalty("LATER", "法人", "天津宏达建材有限公司", null, "2025-04-01", "2025-04-03"));

        (await TableAsync(target)).Keys.Order().ShouldBe(["ASTRAL", "COMPOUND", "LATER", "ORG", "TWO", "UNKNOWN"]);
        await TableIsWhatTheCasesSayAsync(target);
    }

    [Fact]
    public async Task UpsertImport_OfChangedCases_RefreshesTheirRowsOnly()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        await ImportAsync(target, dir, FirstFile);
        await WithdrawAsync(target, "TWO");

        await ImportAsync(target, dir,
            Penalty("ORG", "法人", "天津市河东区鑫盛商贸集团有限公司", "91120102MA05K3QX1N", "2025-02-20", "2025-02-25") + // renamed, decided earlier
            Penalty("PERSON", "自然人", "张三丰", null, "2025-03-02", "") + // publication date removed
            Penalty("UNPUBLISHED", "法人", "天津鑫盛未公示有限公司", null, "2025-03-04", "2025-03-09") + // now published
            Penalty("TWO", "自然人", "司马", null, "2025-03-03", "2025-03-08") + // withdrawn: stays out
            Penalty("NEW", "自然人", "欧阳娜娜", null, "2025-05-01", "2025-05-02"),
            upsert: true);

        var rows = await TableAsync(target);
        rows.Keys.Order().ShouldBe(["ASTRAL", "COMPOUND", "NEW", "ORG", "UNKNOWN", "UNPUBLISHED"]);
        rows["ORG"].SearchText.ShouldBe("天津市河东区鑫盛商贸集团有限公司");
        rows["ORG"].DecidedOn.ShouldBe(new DateOnly(2025, 2, 20));
        await TableIsWhatTheCasesSayAsync(target);
    }

    [Fact]
    public async Task Migrate_ToV008_FillsTheTableFromTheCasesStored()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir, migrate: false);
        var migrator = new SchemaMigrator(target);
        await migrator.MigrateAsync(upTo: 7);
        await using (var c = await target.OpenConnectionAsync())
        {
            await c.ExecuteAsync("INSERT INTO agencies (code, name, category, region_code) VALUES ('A1', '河东区市场监督管理局', 'Bureau', '120102')");
            var agency = await c.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'A1'");
            await c.ExecuteAsync("INSERT INTO powers (code, name, category, agency_id) VALUES ('A1-C01', '处罚', 'Penalty', @agency)", new { agency });
            var power = await c.ExecuteScalarAsync<long>("SELECT id FROM powers");
            foreach (var (number, type, name, published) in new[]
                     {
                         ("M-ORG", "LegalPerson", "天津鑫盛有限公司", (DateOnly?)new DateOnly(2025, 3, 5)),
                         ("M-PERSON", "NaturalPerson", "欧阳修", new DateOnly(2025, 3, 6)),
                         ("M-UNPUBLISHED", "NaturalPerson", "张三", null),
                     })
            {
                await c.ExecuteAsync(
                    "INSERT INTO cases (number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, fine_fen, decided_on, published_on, outcome, extension_days) " +
                    "VALUES (@number, @agency, 'Penalty', @power, @filed, 'General', @type, @name, 6000000, @decided, @published, '罚款', 0)",
                    new { number, agency, power, filed = new DateOnly(2025, 1, 2), type, name, decided = new DateOnly(2025, 3, 1), published });
            }
        }

        (await migrator.MigrateAsync()).ShouldBe(SchemaMigrator.Scripts(target.Provider).Count - 7);

        (await TableAsync(target)).Keys.Order().ShouldBe(["M-ORG", "M-PERSON"]);
        await TableIsWhatTheCasesSayAsync(target);
    }

    [Fact]
    public async Task Search_OverMoreThanTenThousandDecisions_CountsTenThousandAndSaysThereAreMore()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        var cases = new System.Text.StringBuilder();
        var day = new DateOnly(2026, 9, 1);
        for (var i = 0; i < PublicDecisionSql.MaxCounted + 5; i++)
            cases.Append(Penalty($"N{i:D5}", "法人", i % 1000 == 7 ? $"天津鑫盛{i}有限公司" : $"天津宏达{i % 50}有限公司", null,
                Iso(day.AddDays(-(i % 60))), Iso(day.AddDays(-(i % 60) + 3))));
        await ImportAsync(target, dir, cases.ToString());
        await using var db = target.CreateContext();
        var queries = new PublicDecisionQueries(target, db, new PublicityRules(), new Zhifa.Tests.PenaltyCases.TestClock(new DateOnly(2026, 11, 22)));

        var all = (await queries.SearchAsync(new DecisionSearch(null, null, null, null, null), new Paging(1, 20))).Value;
        var some = (await queries.SearchAsync(new DecisionSearch("鑫盛", null, null, null, null), new Paging(1, 20))).Value;

        all.Total.ShouldBe(PublicDecisionSql.MaxCounted);
        all.MoreThanTotal.ShouldBeTrue();
        all.Items.Select(d => d.DecidedOn).ShouldBe(all.Items.Select(d => d.DecidedOn).OrderDescending().ToList());
        all.Items[0].DecidedOn.ShouldBe(day);
        some.Total.ShouldBe(10); // N00007, N01007 … N09007: exact below the cap
        some.MoreThanTotal.ShouldBeFalse();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("鑫盛商", "鑫 鑫盛 盛 盛商 商")]
    [InlineData("张", "张")]
    [InlineData("", "")]
    [InlineData("AB", "A AB B")]
    public void Grams_OfAText_AreItsCharactersAndPairsInOrder(string text, string grams) =>
        PublishedDecisions.Grams(text).ShouldBe(grams);

    /// <summary>The first import brings the catalog; later ones bring only the case file (so a plain one is plain).</summary>
    private static async Task ImportAsync(DatabaseTarget target, TempDirectory dir, string cases, bool upsert = false)
    {
        var folder = Path.Combine(dir.Path, "in-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        await using (var c = await target.OpenConnectionAsync())
        {
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM agencies") == 0)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, "agencies.csv"), Catalog);
                await File.WriteAllTextAsync(Path.Combine(folder, "powers.csv"), Powers);
                await File.WriteAllTextAsync(Path.Combine(folder, "officers.csv"), Officers);
            }
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "cases.csv"), Header + cases);
        var sink = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, new ImportOptions { Upsert = upsert }, TimeProvider.System).RunAsync(folder, sink);
        outcome.Committed.ShouldBeTrue(string.Join("\n", sink.Errors));
    }

    /// <summary>What the publicity commands do: a withdrawal row, and the case's search row refreshed in the same transaction.</summary>
    private static async Task WithdrawAsync(DatabaseTarget target, string number)
    {
        await using var c = await target.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var id = await c.ExecuteScalarAsync<long>("SELECT id FROM cases WHERE number = @number", new { number }, tx);
        await c.ExecuteAsync(
            "INSERT INTO publication_withdrawals (case_id, changed_on, withdrawn_on, reason, recorded_at) VALUES (@id, @on, @on, '撤销', @at)",
            new { id, on = new DateOnly(2025, 6, 1), at = DateTimeOffset.UtcNow }, tx);
        await PublishedDecisions.RefreshCaseAsync(c, tx, id);
        await tx.CommitAsync();
    }

    private sealed record Row(long SortKey, long CaseId, long AgencyId, string Number, DateOnly DecidedOn, DateOnly PublishedOn, string? PartyType,
        string? PartyCreditCode, long? FineFen, string? Outcome, string SearchText, string PartyGrams);

    private static async Task<Dictionary<string, Row>> TableAsync(DatabaseTarget target)
    {
        await using var db = target.CreateContext();
        return db.PublishedDecisions.AsEnumerable()
            .Select(r => new Row(r.SortKey, r.CaseId, r.AgencyId, r.Number, r.DecidedOn, r.PublishedOn, r.PartyType, r.PartyCreditCode, r.FineFen,
                r.Outcome, r.SearchText, r.PartyGrams))
            .ToDictionary(r => r.Number);
    }

    /// <summary>The table against the rules computed here in C# from every case (ADR-008 masking, ADR-011 layout).</summary>
    private static async Task TableIsWhatTheCasesSayAsync(DatabaseTarget target)
    {
        await using var db = target.CreateContext();
        var withdrawn = db.PublicationWithdrawals.Select(w => w.CaseId).ToHashSet();
        var expected = db.Cases.AsEnumerable()
            .Where(c => c.Category == PowerCategory.Penalty && c.Procedure == ProcedureType.General && c.DecidedOn is not null
                        && c.PublishedOn is not null && !withdrawn.Contains(c.Id))
            .Select(c =>
            {
                var organisation = c.PartyType is PartyType.LegalPerson or PartyType.OtherOrganisation;
                var text = organisation ? c.PartyName ?? "" : c.PartyName is null ? "" : PartyMasking.Surname(c.PartyName);
                return new Row(PublishedDecisions.SortKey(c.DecidedOn!.Value, c.Id), c.Id, c.AgencyId, c.Number, c.DecidedOn.Value, c.PublishedOn!.Value,
                    c.PartyType?.ToString(), organisation ? c.PartyCreditCode : null, c.Fine is { } f ? ZhifaDbContext.ToFen(f) : null, c.Outcome,
                    text, PublishedDecisions.Grams(text));
            })
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
        (await TableAsync(target)).Values.OrderBy(r => r.Number, StringComparer.Ordinal).ToList().ShouldBe(expected);
    }
}

public sealed class SqlitePublishedDecisionsTableTests : PublishedDecisionsTableTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir, bool migrate = true) => TestDatabases.SqliteAsync(dir, migrate);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublishedDecisionsTableTests(PostgresServer server) : PublishedDecisionsTableTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir, bool migrate = true) => TestDatabases.PostgresAsync(server, migrate);
}
