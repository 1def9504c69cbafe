using System.Net;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// The 当场行政处罚决定书 of a summary case and the 不予行政处罚决定书 of a case decided without penalty, downloaded through the
/// API as .docx (ADR-013), and the case's document list for each.
/// </summary>
public abstract class DecisionDocumentApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync();

    [Fact]
    public async Task SummaryCase_HasItsOnTheSpotDecisionNumberedInTheAgencysSummarySeries()
    {
        await using var bed = await StartAsync();
        var created = (await bed.PostAsync("A001", "/api/v1/penalty-cases/summary", PenaltyWorkflowApiTests.Summary(80m))).Is(HttpStatusCode.Created);

        var documents = created.Json.GetProperty("documents").EnumerateArray().ToList();
        var only = documents.ShouldHaveSingleItem();
        only.GetProperty("kind").GetString().ShouldBe("summary-decision");
        only.GetProperty("title").GetString().ShouldBe("当场行政处罚决定书");
        only.GetProperty("available").GetBoolean().ShouldBeTrue();
        only.GetProperty("number").GetString().ShouldBe("津东市监当罚〔2024〕1号");

        var response = await (await bed.As("A002")).GetAsync(only.GetProperty("url").GetString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        var text = Docx.Text(bytes);
        text.ShouldStartWith("天津市河东区市场监督管理局\n当场行政处罚决定书\n津东市监当罚〔2024〕1号\n");
        text.ShouldContain("当事人：吴某");
        text.ShouldContain("经查，当事人在店外占道堆放过期食品。");
        text.ShouldContain("依据《中华人民共和国食品安全法》第一百二十四条和《中华人民共和国行政处罚法》第五十一条的规定");
        text.ShouldContain("罚款人民币捌拾元整（¥80.00）");
        text.ShouldContain("第六十八条第一项的规定，罚款可以由执法人员当场收缴");
        text.ShouldContain("处罚时间：2024年6月28日");
        text.ShouldContain("二〇二四年六月二十八日");
        // The general procedure's documents are not the summary case's; another agency does not see it.
        (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{created.Id}/documents/penalty-decision")).Is(HttpStatusCode.UnprocessableEntity)
            .Json.GetProperty("detail").GetString()!.ShouldContain("当场行政处罚决定书");
        (await bed.GetAsync("B001", $"/api/v1/penalty-cases/{created.Id}/documents/summary-decision")).Is(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoPenaltyDecision_UnderAnExemption_IsNumberedStatesTheEntryAndEducationAndIsServed()
    {
        await using var bed = await StartAsync();
        var item = (await bed.PostAsync("headA", "/api/v1/powers/PA1/exemptions",
            new { kind = "首违不罚", conditions = "首次销售临期食品,货值不超过100元,当场改正" })).Is(HttpStatusCode.Created);
        var c = await CaseDriver.FileAsync(bed, "2024-06-20");
        await c.EvidenceAsync("2024-06-21");
        var early = await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}/documents/no-penalty-decision");
        early.Is(HttpStatusCode.UnprocessableEntity).Code.ShouldBe("document.not_available");

        await c.StepAsync("headA", "decide", new
        {
            decidedOn = "2024-06-28", outcome = "不予行政处罚", noPenaltyGround = "Exemption", noPenaltyReason = "当事人系首次违法,已当场改正",
            exemptionItemId = item.Id, educationRecord = "已对当事人进行食品安全法律法规教育",
        });
        var served = await c.StepAsync("A001", "serve", new { servedOn = "2024-06-28", method = "直接送达", place = "当事人经营场所" });

        served.Json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("kind").GetString())
            .ShouldBe(["filing-approval", "penalty-notice", "hearing-notice", "no-penalty-decision", "service-receipt"]);
        var decision = Docx.Text(await (await bed.As("A001")).GetByteArrayAsync($"/api/v1/penalty-cases/{c.Id}/documents/no-penalty-decision"));
        decision.ShouldStartWith("天津市河东区市场监督管理局\n不予行政处罚决定书\n津东市监不罚〔2024〕1号\n");
        decision.ShouldContain("当事人：孙某");
        decision.ShouldContain("本局于2024年6月20日对当事人涉嫌");
        decision.ShouldContain("免罚清单所列“首违不罚：首次销售临期食品,货值不超过100元,当场改正”的情形");
        decision.ShouldContain("第三十三条第一款的规定，本局决定对当事人不予行政处罚。");
        decision.ShouldContain("本局已对当事人进行教育：已对当事人进行食品安全法律法规教育。");
        decision.ShouldContain("二〇二四年六月二十八日");
        var receipt = Docx.Text(await (await bed.As("A001")).GetByteArrayAsync($"/api/v1/penalty-cases/{c.Id}/documents/service-receipt"));
        receipt.ShouldContain("《不予行政处罚决定书》（津东市监不罚〔2024〕1号）");
        (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}/documents/penalty-decision")).Is(HttpStatusCode.UnprocessableEntity);
        var view = (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json;
        view.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("kind").GetString() == "no-penalty-decision")
            .GetProperty("number").GetString().ShouldBe("津东市监不罚〔2024〕1号");
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }
}

public sealed class SqliteDecisionDocumentApiTests : DecisionDocumentApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDecisionDocumentApiTests(PostgresServer server) : DecisionDocumentApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
