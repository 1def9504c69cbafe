using Zhifa.Data.Statistics;
using Zhifa.Reports;
using Zhifa.Tests.PenaltyCases;

namespace Zhifa.Tests.Reports;

/// <summary>The work of the year comes from the platform's records: a review completed in the year makes a 法制审核 subsection.</summary>
public sealed class AnnualReportWorkOfTheYearTests
{
    [Fact]
    public async Task Report_WithAReviewCompletedInTheYear_HasALegalReviewSubsectionOnlyForItsAgency()
    {
        await using var bed = await PenaltyTestBed.StartAsync(null);
        var c = await CaseDriver.FileAsync(bed);
        await c.EvidenceAsync();
        await c.NotifyAsync(fine: 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        await c.ReviewedAsync("A004", "2024-05-13");

        var all = await new AnnualReportService(bed.Target).BuildAsync(2024, StatisticsScope.All);
        var other = await new AnnualReportService(bed.Target).BuildAsync(2024, StatisticsScope.ForAgency("AGB"));

        var md = AnnualReportMarkdown.Write(all.Value);
        md.ShouldContain("## 三、年度执法监督工作\n\n### (一)法制审核\n\n全年对1件重大执法决定进行了法制审核,审核通过1件,退回补正0件。");
        md.ShouldContain("**各执法机关法制审核情况**");
        md.ShouldContain("| AGA | 天津市河东区市场监督管理局 | 1 | 1 | 0 |");
        AnnualReportMarkdown.Write(other.Value).ShouldNotContain("法制审核情况");
    }
}
