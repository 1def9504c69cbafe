using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>Discretion benchmarks and exemption lists (行政处罚法 第三十三、三十四条) and the agency's document prefix, through the API.</summary>
public abstract class PenaltyStandardsApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync();

    private static object Benchmark(string? publishedOn = null) => new
    {
        publishedOn,
        tiers = new object[]
        {
            new { level = "从轻处罚", minFine = 1000m, maxFine = 3000m, circumstances = "首次违法且货值较小" },
            new { level = "Ordinary", minFine = 3000m, maxFine = 7000m, circumstances = "一般情形" },
        },
    };

    [Fact]
    public async Task Benchmark_PublishedByTheAgencyAdmin_IsListedAndChecksTheNoticesFine()
    {
        await using var bed = await StartAsync();

        var published = (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark())).Is(HttpStatusCode.Created);
        var scheduled = (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark("2024-07-15"))).Is(HttpStatusCode.Created);
        var byOfficer = (await bed.PostAsync("A001", "/api/v1/powers/PA1/benchmarks", Benchmark())).Is(HttpStatusCode.Forbidden);
        var byOtherAgency = (await bed.PostAsync("headB", "/api/v1/powers/PA1/benchmarks", Benchmark())).Is(HttpStatusCode.NotFound);
        var backDated = (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark("2024-06-01"))).Is(HttpStatusCode.UnprocessableEntity);
        var inspection = (await bed.PostAsync("headA", "/api/v1/powers/PA2/benchmarks", Benchmark())).Is(HttpStatusCode.UnprocessableEntity);
        var list = (await bed.GetAsync("A001", "/api/v1/powers/PA1/benchmarks")).Ok().Json;

        published.Json.GetProperty("publishedOn").GetString().ShouldBe("2024-06-28");
        published.Json.GetProperty("published").GetBoolean().ShouldBeTrue();
        published.Json.GetProperty("tiers")[0].GetProperty("levelName").GetString().ShouldBe("从轻处罚");
        scheduled.Json.GetProperty("published").GetBoolean().ShouldBeFalse();
        byOfficer.Code.ShouldBe("auth.forbidden");
        byOtherAgency.Code.ShouldBe("power.not_found");
        backDated.Code.ShouldBe("standards.published_in_past");
        inspection.Code.ShouldBe("standards.power_not_penalty");
        list.GetArrayLength().ShouldBe(2);

        var c = await CaseDriver.FileAsync(bed, "2024-06-20");
        await c.EvidenceAsync("2024-06-21");
        var outside = await c.StepAsync("A001", "notify", new
        {
            notifiedOn = "2024-06-28", kinds = new[] { "罚款" }, fine = 8000m, facts = "销售过期食品", basis = "《中华人民共和国食品安全法》第一百二十四条",
            discretion = new { benchmarkId = published.Id, level = "一般处罚" },
        }, HttpStatusCode.UnprocessableEntity);
        var notified = await c.NotifyAsync("2024-06-28", 4000m, new { benchmarkId = published.Id, level = "Ordinary" });

        outside.Code.ShouldBe("penalty.discretion_reason_required");
        outside.Json.GetProperty("errors").GetProperty("discretion")[0].GetString()!.ShouldContain("3000.00元至7000.00元");
        var discretion = notified.Json.GetProperty("notices")[0].GetProperty("discretion");
        discretion.GetProperty("benchmarkId").GetInt64().ShouldBe(published.Id);
        discretion.GetProperty("withinRange").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Benchmark_Published_IsOnThePublicPortalWithoutSigningIn_AndAScheduledOneIsNotYet()
    {
        await using var bed = await StartAsync();
        (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark())).Is(HttpStatusCode.Created);
        (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark("2024-07-15"))).Is(HttpStatusCode.Created);
        using var anonymous = new HttpClient { BaseAddress = new Uri(bed.App.Urls.First()) };

        var api = await Reply.ReadAsync(await anonymous.GetAsync("/api/v1/public/benchmarks?agency=AGA"));
        var page = await anonymous.GetStringAsync("/public/benchmarks");

        var benchmarks = api.Ok().Json.GetProperty("benchmarks");
        benchmarks.GetArrayLength().ShouldBe(1); // the one published from 2024-07-15 is not public on 2024-06-28
        benchmarks[0].GetProperty("powerCode").GetString().ShouldBe("PA1");
        benchmarks[0].GetProperty("tiers").GetArrayLength().ShouldBe(2);
        page.ShouldContain("行政处罚裁量权基准与免罚清单");
        page.ShouldContain("对经营超过保质期食品的行政处罚");
        page.ShouldContain("首次违法且货值较小");
    }

    [Fact]
    public async Task ExemptionListItem_Published_AllowsANoPenaltyDecisionAndIsPublic()
    {
        await using var bed = await StartAsync();
        var item = (await bed.PostAsync("headA", "/api/v1/powers/PA1/exemptions",
            new { kind = "首违不罚", conditions = "首次销售临期食品,货值不超过100元,当场改正" })).Is(HttpStatusCode.Created);
        (await bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", Benchmark("2024-07-15"))).Is(HttpStatusCode.Created);
        var c = await CaseDriver.FileAsync(bed, "2024-06-20");
        await c.EvidenceAsync("2024-06-21");

        var decided = await c.StepAsync("headA", "decide", new
        {
            decidedOn = "2024-06-28", outcome = "不予行政处罚", noPenaltyGround = "Exemption", noPenaltyReason = "首次违法,已当场改正",
            exemptionItemId = item.Id, educationRecord = "已对当事人进行食品安全法律法规教育",
        });

        decided.Json.GetProperty("decision").GetProperty("exemptionKindName").GetString().ShouldBe("首违不罚");
        (await bed.QueryAsync<(string Outcome, long? Fine)>("SELECT outcome, fine_fen FROM cases WHERE id = @id", new { id = c.Id }))
            .ShouldHaveSingleItem().ShouldBe(("不予行政处罚", (long?)null));
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        (await StandardsQueries.PublishedExemptionsAsync(db, PenaltyTestBed.Today)).ShouldHaveSingleItem().Conditions.ShouldStartWith("首次销售临期食品");
        (await StandardsQueries.PublishedExemptionsAsync(db, PenaltyTestBed.Today.AddDays(-1))).ShouldBeEmpty();
        (await StandardsQueries.PublishedBenchmarksAsync(db, PenaltyTestBed.Today)).ShouldBeEmpty();
        (await StandardsQueries.PublishedBenchmarksAsync(db, new DateOnly(2024, 7, 15), agencyCode: "AGA")).ShouldHaveSingleItem().Tiers.Count.ShouldBe(2);
    }

    [Fact]
    public async Task DocumentPrefix_DerivedUntilSet_NumbersNewCasesOnceSet()
    {
        await using var bed = await StartAsync();

        var derived = (await bed.GetAsync("A001", "/api/v1/agencies/AGA/document-prefix")).Ok().Json;
        var byOfficer = (await bed.PutAsync("A001", "/api/v1/agencies/AGA/document-prefix", new { prefix = "津东市场" })).Is(HttpStatusCode.Forbidden);
        var byOther = (await bed.PutAsync("headB", "/api/v1/agencies/AGA/document-prefix", new { prefix = "津东市场" })).Is(HttpStatusCode.NotFound);
        var invalid = (await bed.PutAsync("headA", "/api/v1/agencies/AGA/document-prefix", new { prefix = "津东-1" })).Is(HttpStatusCode.BadRequest);
        var set = (await bed.PutAsync("headA", "/api/v1/agencies/AGA/document-prefix", new { prefix = "津东市场" })).Ok().Json;
        var filed = (await bed.FileAsync()).Is(HttpStatusCode.Created);

        derived.GetProperty("prefix").GetString().ShouldBe("津东市监");
        derived.GetProperty("derived").GetBoolean().ShouldBeTrue();
        byOfficer.Code.ShouldBe("auth.forbidden");
        byOther.Code.ShouldBe("agency.not_found");
        invalid.Json.GetProperty("errors").GetProperty("prefix")[0].GetString()!.ShouldContain("只能包含汉字和字母");
        set.GetProperty("derived").GetBoolean().ShouldBeFalse();
        filed.Json.GetProperty("number").GetString().ShouldBe("津东市场立〔2024〕1号");
    }
}

public sealed class SqlitePenaltyStandardsApiTests : PenaltyStandardsApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPenaltyStandardsApiTests(PostgresServer server) : PenaltyStandardsApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
