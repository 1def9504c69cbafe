using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Demo;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Identifiers;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Demo;

/// <summary>
/// The demo district that <c>zhifa serve</c> creates on an empty database: it passes the product's own import, is
/// the same for the same seed, and gives the supervision statistics something to show in every figure.
/// </summary>
public sealed class DemoDistrictTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2025, 6, 18);

    [Fact]
    public async Task CreateAsync_OnAFreshDatabase_ImportsTwoYearsOfTheDemoDistrict()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await TestDatabases.SqliteAsync(dir);

        var watch = Stopwatch.StartNew();
        var result = await DemoDistrict.CreateAsync(target, Today);
        watch.Stop();
        output.WriteLine($"scale 3000: {result} in {watch.ElapsedMilliseconds} ms");

        result.Agencies.ShouldBeInRange(15, 30);
        result.Officers.ShouldBeInRange(250, 400);
        result.Cases.ShouldBe(result.Inspections + result.Penalties + result.OtherCases);
        result.Cases.ShouldBeInRange(3000 + 1200, 3000 + 2200); // a full year and about half of this one
        await using var db = target.CreateContext();
        (await db.Agencies.CountAsync()).ShouldBe(result.Agencies);
        (await db.Cases.CountAsync()).ShouldBe(result.Cases);
        (await db.Cases.MaxAsync(c => c.FiledOn)).ShouldBeLessThanOrEqualTo(Today);
        var agencyRegions = await db.Agencies.Select(a => a.RegionCode).Distinct().ToListAsync();
        agencyRegions.ShouldBe(["120199"]);
        RegionCode.Create("120199").IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAsync_TheSameSeedAndDay_GivesTheSameData()
    {
        using var dir1 = TestPaths.NewTempDirectory();
        using var dir2 = TestPaths.NewTempDirectory();
        var a = await TestDatabases.SqliteAsync(dir1);
        var b = await TestDatabases.SqliteAsync(dir2);

        await DemoDistrict.CreateAsync(a, Today, casesPerYear: 1000);
        await DemoDistrict.CreateAsync(b, Today, casesPerYear: 1000);

        var first = await FingerprintAsync(a);
        first.Length.ShouldBeGreaterThan(0);
        (await FingerprintAsync(b)).ShouldBe(first);
    }

    [Fact]
    public async Task Statistics_OfThePreviousYear_ShowEveryFigure()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await TestDatabases.SqliteAsync(dir);
        await DemoDistrict.CreateAsync(target, Today);

        var service = new StatisticsService(target, WorkingDayCalendar.CreateDefault(), new PenaltyLimits());
        var computed = await service.ComputeAsync(StatisticsPeriod.Year(Today.Year - 1), StatisticsScope.ForRegion("120199"));
        computed.IsSuccess.ShouldBeTrue();
        var f = computed.Value;
        output.WriteLine($"{f.Cases}; officers {f.CertifiedOfficers}, reviewers {f.LegalReviewers}, new {f.NewCertificates}, " +
                         $"revoked {f.RevokedCertificates}; overdue {f.OverduePenaltyCases.Count}, late {f.LatePublicity.Count}, " +
                         $"unpublished {f.UnpublishedDecisions.Count}, zero months {f.ZeroEnforcementMonths.Count}, fines {f.FinesFen / 100m}");

        f.Agencies.ShouldBeGreaterThanOrEqualTo(15);
        f.CertifiedOfficers.ShouldBeGreaterThan(0);
        f.LegalReviewers.ShouldBeGreaterThan(0);
        f.NewCertificates.ShouldBeGreaterThan(0);
        f.RevokedCertificates.ShouldBeGreaterThan(0);
        f.Cases.Inspection.ShouldBeGreaterThan(0);
        f.Cases.Penalty.ShouldBeGreaterThan(0);
        f.Cases.Other.ShouldBeGreaterThan(0);
        ((double)f.Cases.Inspection / f.Cases.Total).ShouldBeInRange(0.85, 0.95);
        (f.LatePublicity.Count + f.OverduePenaltyCases.Count).ShouldBeGreaterThan(0);
        f.LatePublicity.ShouldNotBeEmpty();
        f.OverduePenaltyCases.ShouldNotBeEmpty();
        f.ZeroEnforcementMonths.ShouldContain(new ZeroEnforcementMonth("120199013", $"{Today.Year - 1}-02"));
        f.ZeroEnforcementMonths.ShouldContain(new ZeroEnforcementMonth("120199014", $"{Today.Year - 1}-08"));
        f.PowerExerciseRate.ShouldNotBeNull();
        f.PowerExerciseRate.Value.ShouldBeGreaterThan(0.9);
        f.FinesFen.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CreateAsync_OnADatabaseThatHasTheDemo_RefusesWithTheImportErrors()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await TestDatabases.SqliteAsync(dir);
        await DemoDistrict.CreateAsync(target, Today, casesPerYear: 200);

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => DemoDistrict.CreateAsync(target, Today, casesPerYear: 200));
        ex.Message.ShouldContain("机关编码\"120199001\"已存在");
        await using var db = target.CreateContext();
        (await db.Agencies.CountAsync()).ShouldBe(20);
    }

    [Fact]
    public async Task CreateAsync_RecordsInspectionsThroughTheServiceWithEachResultAndFollowUp()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await TestDatabases.SqliteAsync(dir);

        await DemoDistrict.CreateAsync(target, Today, casesPerYear: 200);

        await using var conn = await target.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Number, string Result, string? Rectified, string? Referred, string? Closed)>("""
            SELECT c.number, i.result, i.rectified_on, i.referred_on, c.closed_on
            FROM inspections i JOIN cases c ON c.id = i.case_id ORDER BY c.number
            """)).ToList();
        rows.Select(r => r.Number).ShouldBe(Enumerable.Range(1, 5).Select(n => $"120199001-JC-2025-{n:D6}"));
        rows.Select(r => r.Result).Distinct().Order().ShouldBe(["NoProblem", "Rectify", "Referral"]);
        rows.Count(r => r.Rectified is not null).ShouldBe(1);
        rows.Count(r => r.Result == "Rectify" && r.Closed is null).ShouldBe(1); // still open
        rows.Count(r => r.Referred is not null).ShouldBe(1);
        rows.Count(r => r.Result == "Referral" && r.Referred is null).ShouldBe(1); // waiting for referral
        var kinds = await conn.QueryAsync<string>("SELECT kind FROM record_entries WHERE kind LIKE 'inspection.%' ORDER BY kind");
        kinds.ShouldBe([.. Enumerable.Repeat("inspection.recorded", 5), "inspection.rectified", "inspection.referred"]);
        var audit = await CliProcess.RunAsync(TestDatabases.CliText(target), "audit", "verify");
        audit.ExitCode.ShouldBe(0, audit.StdErr);
    }

    [Fact]
    public async Task CreateAsync_WritesPenaltyCasesInEveryStageThroughTheService()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await TestDatabases.SqliteAsync(dir);

        await DemoDistrict.CreateAsync(target, Today, casesPerYear: 200);

        await using var conn = await target.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Stage, string Procedure)>("SELECT stage, procedure FROM penalty_cases")).ToList();
        rows.Where(r => r.Procedure == "General").Select(r => r.Stage).Distinct().Order()
            .ShouldBe(Enum.GetNames<Zhifa.Domain.PenaltyCases.PenaltyStage>().Order());
        rows.Count(r => r.Procedure == "Summary").ShouldBe(2);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM inspections WHERE penalty_case_id IS NOT NULL")).ShouldBe(1); // the head's referral
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM cases c JOIN penalty_cases p ON p.id = c.id WHERE c.outcome = '不予行政处罚'"))
            .ShouldBe(1); // decided under the published 免罚清单
        (await conn.ExecuteScalarAsync<string>("SELECT number FROM cases WHERE id = (SELECT min(id) FROM penalty_cases WHERE procedure = 'Summary')"))!
            .ShouldContain("当罚〔");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM record_entries WHERE kind LIKE 'penalty.%'")).ShouldBeGreaterThan(40);
        // 公示 (ADR-016): most platform decisions published on time, one late and one not at all, so the portal and the alerts have both.
        var decided = (await conn.QueryAsync<(string Stage, string Decided, string? Published)>(
            "SELECT p.stage, CAST(c.decided_on AS text), CAST(c.published_on AS text) FROM penalty_cases p JOIN cases c ON c.id = p.id " +
            "WHERE p.procedure = 'General' AND c.decided_on IS NOT NULL")).ToList();
        decided.Count.ShouldBe(6);
        decided.Where(d => d.Published is null).Select(d => d.Stage).ShouldBe(["Decided"]);
        decided.Where(d => d.Published == Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Select(d => d.Stage).ShouldBe(["Served"]);
        decided.Count(d => d.Published is { } p && DateOnly.Parse(p, System.Globalization.CultureInfo.InvariantCulture) ==
            DateOnly.Parse(d.Decided, System.Globalization.CultureInfo.InvariantCulture).AddDays(2)).ShouldBe(4);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM published_decisions d JOIN penalty_cases p ON p.id = d.case_id")).ShouldBe(5);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM record_entries WHERE kind = 'penalty.publish'")).ShouldBe(5);
        var audit = await CliProcess.RunAsync(TestDatabases.CliText(target), "audit", "verify");
        audit.ExitCode.ShouldBe(0, audit.StdErr);
    }

    /// <summary>A hash of every case's number, agency, dates, officers, party and fine, in case-number order.</summary>
    private static async Task<string> FingerprintAsync(DatabaseTarget target)
    {
        await using var conn = await target.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT c.number, a.code, c.filed_on, c.decided_on, c.published_on, c.fine_fen, c.party_name,
                   (SELECT group_concat(n, ';') FROM (SELECT o.certificate_number AS n FROM case_officers co
                    JOIN officers o ON o.id = co.officer_id WHERE co.case_id = c.id ORDER BY n))
            FROM cases c JOIN agencies a ON a.id = c.agency_id ORDER BY c.number
            """;
        var text = new StringBuilder();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            for (var i = 0; i < r.FieldCount; i++)
                text.Append(r.IsDBNull(i) ? "" : r.GetValue(i).ToString()).Append('|');
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
