using System.Net;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>The 当场行政处罚决定书 and the 不予行政处罚决定书 on the case page: listed with their numbers and downloaded as .docx.</summary>
public sealed class DecisionDocumentPagesTests : IAsyncLifetime
{
    private PenaltyTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PenaltyTestBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CasePages_ListAndDownloadTheSummaryAndTheNoPenaltyDecision()
    {
        var summary = (await _bed.PostAsync("A001", "/api/v1/penalty-cases/summary", PenaltyWorkflowApiTests.Summary(200m))).Is(HttpStatusCode.Created);
        var c = await CaseDriver.FileAsync(_bed, "2024-06-20");
        await c.EvidenceAsync("2024-06-21");
        await c.StepAsync("headA", "decide", new
        {
            decidedOn = "2024-06-28", outcome = "NoPenalty", noPenaltyGround = "FactsNotEstablished", noPenaltyReason = "现有证据不能证明涉案食品系当事人销售",
        });
        using var officer = await PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), "A001", _bed.Password("A001"));

        var summaryPage = await officer.GetStringAsync($"/penalty-cases/{summary.Id}");
        var casePage = await officer.GetStringAsync($"/penalty-cases/{c.Id}");

        summaryPage.ShouldContain($"<a href=\"/penalty-cases/{summary.Id}?handler=Document&amp;kind=summary-decision\">当场行政处罚决定书</a>");
        summaryPage.ShouldContain("津东市监当罚〔2024〕1号");
        summaryPage.ShouldNotContain("立案审批表");
        casePage.ShouldContain($"<a href=\"/penalty-cases/{c.Id}?handler=Document&amp;kind=no-penalty-decision\">不予行政处罚决定书</a>");
        casePage.ShouldNotContain("kind=penalty-decision");
        var onTheSpot = Docx.Text(await officer.GetByteArrayAsync($"/penalty-cases/{summary.Id}?handler=Document&kind=summary-decision"));
        onTheSpot.ShouldContain("当场行政处罚决定书\n津东市监当罚〔2024〕1号");
        onTheSpot.ShouldContain("罚款人民币贰佰元整（¥200.00）");
        var noPenalty = Docx.Text(await officer.GetByteArrayAsync($"/penalty-cases/{c.Id}?handler=Document&kind=no-penalty-decision"));
        noPenalty.ShouldContain("不予行政处罚决定书\n津东市监不罚〔2024〕1号");
        noPenalty.ShouldContain("本局认为，现有证据不能证明涉案食品系当事人销售，违法事实不能成立。");
        noPenalty.ShouldContain("第五十七条第一款第三项");
        (await _bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json.GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "no-penalty-decision").GetProperty("number").GetString().ShouldBe("津东市监不罚〔2024〕1号");
    }
}
