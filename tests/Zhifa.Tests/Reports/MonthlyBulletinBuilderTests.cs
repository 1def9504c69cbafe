using Zhifa.Data.Statistics;
using Zhifa.Reports;

namespace Zhifa.Tests.Reports;

/// <summary>The bulletin's 零执法, alerts and review findings, which the Hedong fixture does not have, from figures made up here.</summary>
public sealed class MonthlyBulletinBuilderTests
{
    private static SupervisionFigures Figures(StatisticsPeriod period, long a, long b, params ZeroEnforcementMonth[] zero) => new()
    {
        Period = period,
        Scope = StatisticsScope.ForRegion("120102"),
        Region = "120102",
        Agencies = 2,
        Cases = new CaseCounts(a + b, a + b, 0, 0),
        ByAgencyCategory = [],
        ZeroEnforcementMonths = zero,
        OverduePenaltyCases = [],
        LatePublicity = [],
        UnpublishedDecisions = [],
        PerAgency =
        [
            new AgencyFigures("120102001", "甲局", "委办局", 5, 3, new CaseCounts(a, a, 0, 0), 0),
            new AgencyFigures("120102002", "乙局", "委办局", 5, 0, new CaseCounts(b, b, 0, 0), zero.Length),
        ],
    };

    [Fact]
    public void Build_WithZeroEnforcementAlertsAndFindings_ListsThemInSectionsFourAndFive()
    {
        var march = new StatisticsPeriod(new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31));
        var ytd = new StatisticsPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31));
        var inputs = new MonthlyBulletinInputs(new DateOnly(2023, 3, 1),
            Figures(march, 7, 0, new ZeroEnforcementMonth("120102002", "2023-03")), null,
            Figures(ytd, 20, 4, new ZeroEnforcementMonth("120102002", "2023-02"), new ZeroEnforcementMonth("120102002", "2023-03")),
            [new AlertTally("证件到期", 3, 1)], 2, 1, [new FindingTally("证据", 4), new FindingTally("程序", 1)]);

        var md = AnnualReportMarkdown.Write(MonthlyBulletinBuilder.Build(inputs));

        md.ShouldContain("# 区划 120102 2023年3月行政执法监督工作简报");
        md.ShouldContain("本月办案量居前的是甲局(7件);办案量居后的是乙局(0件)。");
        md.ShouldContain("| 2 | 120102002 | 乙局 | 0 | 4 |");
        md.ShouldContain("### (一)本月\"零执法\"机关(1个)\n\n- 乙局(120102002)");
        md.ShouldContain("本月平台共生成预警3条,其中证件到期3条;月末仍待处理1条。");
        md.ShouldContain("## 五、案卷评查发现的问题");
        md.ShouldContain("本月案卷评查记录问题5个,涉及1个单位的2件案卷,主要集中在证据(4个)、程序(1个)。");
        md.ShouldNotContain("同比");
    }
}
