using System.Net;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.PenaltyCases.CaseDriver;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>法制审核 through the API: 办审分离, the reviewer's task list, and the review statistics of a period.</summary>
public abstract class LegalReviewApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync();

    [Fact]
    public async Task Review_ByAHandlerOfTheCase_IsRefusedAndWritesNothing()
    {
        await using var bed = await StartAsync();
        var c = await FileAsync(bed, officers: ["A001", "A003"]); // A003 is a legal reviewer, here a handler
        await c.EvidenceAsync(collectors: ["A001", "A003"]);
        await c.NotifyAsync(fine: 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        var before = await bed.StateAsync();

        var byHandler = await c.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = "A003", submittedOn = "2024-05-13" },
            HttpStatusCode.UnprocessableEntity);
        var handlerCompletes = await c.StepAsync("A001", "complete-review", new { items = Checklist(), completedOn = "2024-05-13" },
            HttpStatusCode.UnprocessableEntity);

        byHandler.Code.ShouldBe("penalty.reviewer_is_handler");
        byHandler.Json.GetProperty("detail").GetString().ShouldBe("王芳是本案承办人员，不能审核本案（办审分离，行政处罚法 第五十八条）");
        byHandler.Json.GetProperty("errors").GetProperty("reviewerCertificateNumber").GetArrayLength().ShouldBe(1);
        handlerCompletes.Code.ShouldBe("penalty.step_out_of_order"); // nothing was submitted
        (await bed.StateAsync()).ShouldBe(before);
        await c.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = "A004", submittedOn = "2024-05-13" });
        var notAssigned = await c.StepAsync("A003", "complete-review", new { items = Checklist(), completedOn = "2024-05-13" }, HttpStatusCode.UnprocessableEntity);
        var officer = await c.StepAsync("A002", "complete-review", new { items = Checklist(), completedOn = "2024-05-13" }, HttpStatusCode.UnprocessableEntity);
        notAssigned.Code.ShouldBe("penalty.review_not_assigned");
        officer.Code.ShouldBe("penalty.wrong_role");
    }

    [Fact]
    public async Task ReviewTasks_AndStatistics_CountReviewedPassedAndReturnedByItem()
    {
        await using var bed = await StartAsync();
        var passed = await WaivedAsync(bed, "2024-05-06");
        await passed.ReviewedAsync("A004", "2024-05-13");
        var returnedThenPassed = await WaivedAsync(bed, "2024-05-07");
        await returnedThenPassed.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = "A004", submittedOn = "2024-05-13" });
        var returned = await returnedThenPassed.StepAsync("A004", "complete-review", new
        {
            items = Checklist((ReviewChecklistItem.FactsAndEvidence, "证据不足,缺少进货单据")), opinion = "退回补充调查", completedOn = "2024-05-14",
        });
        returned.Json.GetProperty("stage").GetString().ShouldBe("Investigating");
        await returnedThenPassed.ReviewedAsync("A004", "2024-05-20");
        var returnedTwice = await WaivedAsync(bed, "2024-05-08");
        await returnedTwice.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = "A003", submittedOn = "2024-05-13" });
        await returnedTwice.StepAsync("A003", "complete-review", new
        {
            items = Checklist((ReviewChecklistItem.FactsAndEvidence, "证据不足,缺少进货单据"), (ReviewChecklistItem.DocumentsComplete, "告知书未载明听证权利")),
            completedOn = "2024-05-15",
        });
        await WaivedAsync(bed, "2024-05-09", submitTo: "A004"); // pending: not counted

        var tasks = (await bed.GetAsync("A004", "/api/v1/reviews")).Ok().Json;
        var pending = (await bed.GetAsync("A004", "/api/v1/reviews?status=pending")).Ok().Json;
        var others = (await bed.GetAsync("A003", "/api/v1/reviews")).Ok().Json;
        var stats = (await bed.GetAsync("sup", "/api/v1/reviews/statistics?from=2024-05-01&to=2024-05-31")).Ok().Json;
        var own = (await bed.GetAsync("headA", "/api/v1/reviews/statistics?from=2024-05-01&to=2024-05-31&agency=AGA")).Ok().Json;
        var foreign = await bed.GetAsync("headB", "/api/v1/reviews/statistics?from=2024-05-01&to=2024-05-31&agency=AGA");

        tasks.GetProperty("total").GetInt32().ShouldBe(4);
        pending.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("outcomeName").GetString().ShouldBe("待审核");
        others.GetProperty("total").GetInt32().ShouldBe(1);
        var total = stats.GetProperty("total");
        total.GetProperty("reviewed").GetInt32().ShouldBe(4);
        total.GetProperty("passed").GetInt32().ShouldBe(2);
        total.GetProperty("returned").GetInt32().ShouldBe(2);
        var byItem = total.GetProperty("returnedByItem");
        byItem.EnumerateArray().Select(i => (i.GetProperty("itemName").GetString(), i.GetProperty("count").GetInt32()))
            .ShouldBe([("事实清楚，证据合法充分", 2), ("执法文书完备规范", 1)]);
        byItem[0].GetProperty("reasons")[0].GetProperty("reason").GetString().ShouldBe("证据不足,缺少进货单据");
        byItem[0].GetProperty("reasons")[0].GetProperty("count").GetInt32().ShouldBe(2);
        stats.GetProperty("agencies").EnumerateArray().ShouldHaveSingleItem().GetProperty("agencyCode").GetString().ShouldBe("AGA");
        own.GetProperty("total").GetProperty("reviewed").GetInt32().ShouldBe(4);
        foreign.Is(HttpStatusCode.NotFound).Code.ShouldBe("agency.not_found");
        (await bed.GetAsync("sup", "/api/v1/reviews/statistics?from=2024-06-01&to=2024-06-30")).Ok().Json
            .GetProperty("total").GetProperty("reviewed").GetInt32().ShouldBe(0);
    }

    /// <summary>A case notified with a small fine whose party waived: ready for review (optionally submitted).</summary>
    private static async Task<CaseDriver> WaivedAsync(PenaltyTestBed bed, string filedOn, string? submitTo = null)
    {
        var c = await FileAsync(bed, filedOn);
        await c.EvidenceAsync(filedOn);
        await c.NotifyAsync(filedOn, 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = filedOn });
        if (submitTo is not null)
            await c.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = submitTo, submittedOn = "2024-05-20" });
        return c;
    }
}

public sealed class SqliteLegalReviewApiTests : LegalReviewApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresLegalReviewApiTests(PostgresServer server) : LegalReviewApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
