using System.Globalization;
using System.Text;
using Zhifa.Data.Statistics;

namespace Zhifa.Reports;

/// <summary>Alerts of one kind opened in the year, and how many are still open.</summary>
public sealed record AlertTally(string KindName, long Opened, long StillOpen);

/// <summary>Everything the report says, read from the records of the year and scope by <see cref="AnnualReportService"/>.</summary>
public sealed record AnnualReportInputs(
    SupervisionFigures Figures,
    SupervisionFigures? Previous,
    IReadOnlyList<long> CasesByMonth,
    IReadOnlyList<KeyValuePair<string, long>> CasesByType,
    IReadOnlyList<AlertTally> Alerts,
    IReadOnlyList<ReportContribution> Work);

/// <summary>
/// The annual enforcement report (年度行政执法工作报告) in the structure of the seed reports: 一、基本情况 with the figures
/// and charts; the agencies' cases in a table and a ranking; the work of the year from the platform's records;
/// the problems that supervision and the alerts found.
/// </summary>
public static class AnnualReportBuilder
{
    /// <summary>Agencies shown in the ranking chart; the table lists all of them.</summary>
    public const int RankedAgencies = 15;

    public static ReportDocument Build(AnnualReportInputs inputs)
    {
        var f = inputs.Figures;
        var year = f.Period.From.Year;
        var scopeName = f.Scope.AgencyCode is { } agency
            ? f.PerAgency.FirstOrDefault(a => a.Code == agency)?.Name ?? agency
            : f.Region is { } region ? $"区划 {region}" : "全部执法机关";
        var sections = new List<ReportSection>
        {
            new(ReportNumbers.Section(1, "基本情况"), Basics(inputs)),
            new(ReportNumbers.Section(2, "各执法机关办案情况"), Agencies(f)),
            new(ReportNumbers.Section(3, "年度执法监督工作"), Work(inputs.Work)),
            new(ReportNumbers.Section(4, "监督发现的问题"), Problems(f, inputs.Alerts)),
        };
        return new ReportDocument($"{scopeName} {year}年度行政执法工作报告", year, scopeName, sections);
    }

    private static List<ReportBlock> Basics(AnnualReportInputs inputs)
    {
        var f = inputs.Figures;
        var year = f.Period.From.Year;
        List<ReportBlock> blocks =
        [
            new ReportParagraph(Opening(f, inputs.Previous)),
            new ReportParagraph(Rates(f)),
            new ReportTable("主要指标", "主要指标", [new ReportColumn("指标", Width: 3), ReportColumn.Number("数值", 1.5), new ReportColumn("单位", Width: 0.8)],
            [
                ["执法机关", f.Agencies, "个"],
                ["持证行政执法人员", f.CertifiedOfficers, "人"],
                ["法制审核人员", f.LegalReviewers, "人"],
                ["新申领执法证", f.NewCertificates, "个"],
                ["注销执法证", f.RevokedCertificates, "个"],
                ["行政执法案件", f.Cases.Total, "件"],
                ["行政检查", f.Cases.Inspection, "件"],
                ["行政处罚", f.Cases.Penalty, "件"],
                ["其他类型", f.Cases.Other, "件"],
                [$"{year - 1}年行政执法案件", f.PreviousYearCases, "件"],
                ["办案量同比增长", Rate(f.YoyCaseGrowth, 1), "%"],
                ["行政执法人员参与办案率", Rate(f.OfficerParticipationRate, 2), "%"],
                ["执法机关执法率", Rate(f.AgencyEnforcementRate, 2), "%"],
                ["执法职权履职率", Rate(f.PowerExerciseRate, 2), "%"],
                ["罚款金额", ReportCell.Of(f.FinesFen / 100.0, FiguresJson.FormatFen(f.FinesFen)), "元"],
            ]),
        ];
        blocks.Add(new ReportChart("cases-by-month", $"图1 {year}年各月行政执法案件数", ReportChartKind.Columns, "件",
            inputs.CasesByMonth.Select((n, i) => new ChartPoint($"{i + 1}月", n)).ToList()));
        blocks.Add(new ReportChart("cases-by-type", $"图2 {year}年行政执法案件类别", ReportChartKind.Columns, "件",
            inputs.CasesByType.Select(kv => new ChartPoint(kv.Key, kv.Value)).ToList()));
        return blocks;
    }

    private static List<ReportBlock> Agencies(SupervisionFigures f)
    {
        var rows = f.PerAgency.Select(a => (IReadOnlyList<ReportCell>)
            [a.Code, a.Name, a.Category, a.CertifiedOfficers, a.ParticipatingOfficers, a.Cases.Total, a.Cases.Inspection, a.Cases.Penalty, a.Cases.Other, (long)a.ZeroEnforcementMonths])
            .ToList();
        var ranked = f.PerAgency.Where(a => a.Cases.Total > 0).OrderByDescending(a => a.Cases.Total).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(RankedAgencies).Select(a => new ChartPoint(a.Name, a.Cases.Total)).ToList();
        return
        [
            new ReportTable("各执法机关办案情况", "",
                [new ReportColumn("机关编码", Width: 1.6), new ReportColumn("机关名称", Width: 3.2), new ReportColumn("类别", Width: 1.8),
                 ReportColumn.Number("持证人员"), ReportColumn.Number("参与办案人员"), ReportColumn.Number("案件总数"), ReportColumn.Number("行政检查"),
                 ReportColumn.Number("行政处罚"), ReportColumn.Number("其他类型"), ReportColumn.Number("零执法月数")],
                rows),
            new ReportChart("agencies-ranked", $"图3 办案量前{Math.Min(RankedAgencies, Math.Max(ranked.Count, 1))}位的执法机关", ReportChartKind.Ranking, "件", ranked),
        ];
    }

    private static List<ReportBlock> Work(IReadOnlyList<ReportContribution> work)
    {
        if (work.Count == 0)
            return [new ReportParagraph("本年度平台未记录法制审核、执法公示等执法监督工作。")];
        var blocks = new List<ReportBlock>();
        for (var i = 0; i < work.Count; i++)
        {
            blocks.Add(new ReportHeading(ReportNumbers.Subsection(i + 1, work[i].Title)));
            blocks.AddRange(work[i].Blocks);
        }
        return blocks;
    }

    private static List<ReportBlock> Problems(SupervisionFigures f, IReadOnlyList<AlertTally> alerts)
    {
        var blocks = new List<ReportBlock> { new ReportHeading(ReportNumbers.Subsection(1, $"月度\"零执法\"({f.ZeroEnforcementMonths.Count}个机关月)")) };
        if (f.ZeroEnforcementMonths.Count == 0)
            blocks.Add(new ReportParagraph("无。"));
        else
        {
            var names = f.PerAgency.ToDictionary(a => a.Code, a => a.Name);
            blocks.Add(new ReportList(f.ZeroEnforcementMonths.GroupBy(z => z.Agency)
                .Select(g => $"{names.GetValueOrDefault(g.Key, g.Key)}({g.Key}):{string.Join("、", g.Select(z => MonthName(z.Month)))}")
                .ToList()));
        }
        Numbers(blocks, 2, "超过法定期限作出处罚决定的案件(行政处罚法第六十条)", f.OverduePenaltyCases);
        Numbers(blocks, 3, "未在7个工作日内公示的处罚决定", f.LatePublicity);
        Numbers(blocks, 4, "已过公示期限仍未公示的处罚决定", f.UnpublishedDecisions);
        var opened = alerts.Sum(a => a.Opened);
        blocks.Add(new ReportHeading(ReportNumbers.Subsection(5, $"平台预警({opened}条)")));
        if (opened == 0)
            blocks.Add(new ReportParagraph("全年平台未生成预警。"));
        else
        {
            var open = alerts.Sum(a => a.StillOpen);
            blocks.Add(new ReportParagraph(
                $"全年平台共生成预警{opened}条,其中{string.Join("、", alerts.Where(a => a.Opened > 0).Select(a => $"{a.KindName}{a.Opened}条"))};" +
                $"问题已消除{opened - open}条,仍待处理{open}条。"));
            blocks.Add(new ReportTable("平台预警", "各类预警",
                [new ReportColumn("预警类别", Width: 3), ReportColumn.Number("生成"), ReportColumn.Number("已消除"), ReportColumn.Number("待处理")],
                alerts.Select(a => (IReadOnlyList<ReportCell>)[a.KindName, a.Opened, a.Opened - a.StillOpen, a.StillOpen]).ToList()));
        }
        if (f.Provisional)
            blocks.Add(new ReportNote("注:部分期限所在年度尚未载入国务院节假日安排,按周一至周五计算,为暂定结果。"));
        return blocks;
    }

    private static void Numbers(List<ReportBlock> blocks, int n, string title, IReadOnlyList<string> numbers)
    {
        blocks.Add(new ReportHeading(ReportNumbers.Subsection(n, $"{title}({numbers.Count}件)")));
        blocks.Add(new ReportParagraph(numbers.Count == 0 ? "无。" : string.Join("、", numbers)));
    }

    private static string Opening(SupervisionFigures f, SupervisionFigures? previous)
    {
        var year = f.Period.From.Year;
        var area = f.Scope.AgencyCode is not null ? "本机关" : "全区";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"根据行政执法监督平台数据统计,{year}年{area}{f.Agencies}个行政执法机关共有持证行政执法人员{f.CertifiedOfficers}人,其中法制审核人员{f.LegalReviewers}人;");
        sb.Append(CultureInfo.InvariantCulture, $"全年新申领执法证{f.NewCertificates}个,注销执法证{f.RevokedCertificates}个。");
        sb.Append(CultureInfo.InvariantCulture,
            $"共办理行政执法案件{f.Cases.Total}件,包括行政检查{f.Cases.Inspection}件、行政处罚{f.Cases.Penalty}件、其他类型{f.Cases.Other}件");
        sb.Append(f.YoyCaseGrowth is { } g
            ? string.Create(CultureInfo.InvariantCulture, $",年度办案量同比{(g >= 0 ? "上升" : "下降")}{Math.Abs(g) * 100:0.0}%(上年{f.PreviousYearCases}件)。")
            : "。");
        if (f.ByAgencyCategory.Count > 0)
        {
            sb.Append("执法主体方面,");
            sb.Append(string.Join(";", f.ByAgencyCategory.Select(kv => CategorySentence(kv.Key, kv.Value))));
            sb.Append('。');
        }
        sb.Append(CultureInfo.InvariantCulture, $"全年处罚决定罚款共计{FiguresJson.FormatFen(f.FinesFen)}元");
        if (previous is not null && previous.FinesFen > 0)
        {
            var change = (double)(f.FinesFen - previous.FinesFen) / previous.FinesFen;
            sb.Append(CultureInfo.InvariantCulture, $",同比{(change >= 0 ? "上升" : "下降")}{Math.Abs(change) * 100:0.0}%");
        }
        sb.Append('。');
        return sb.ToString();
    }

    private static string CategorySentence(string category, CaseCounts c)
    {
        var who = category switch
        {
            "委办局" => "区属委办局",
            "街道办事处" => "各街道办事处",
            "乡镇人民政府" => "各乡镇人民政府",
            _ => category,
        };
        var parts = new List<string>();
        if (c.Inspection > 0) parts.Add($"行政检查{c.Inspection}件");
        if (c.Penalty > 0) parts.Add($"行政处罚{c.Penalty}件");
        if (c.Other > 0) parts.Add($"其他类型{c.Other}件");
        return parts.Count == 0
            ? $"{who}未办理行政执法案件"
            : $"{who}合计办理行政执法案件{c.Total}件,其中{string.Join("、", parts)}";
    }

    private static string Rates(SupervisionFigures f) =>
        $"行政执法人员参与办案率{Percent(f.OfficerParticipationRate)},执法机关执法率{Percent(f.AgencyEnforcementRate)},执法职权履职率{Percent(f.PowerExerciseRate)}。";

    /// <summary>A rate as a percentage: 0.2712 → 27.12%, none → —.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A rate as a cell in percent (27.1), blank when there is none.</summary>
    private static ReportCell Rate(double? rate, int decimals) =>
        rate is { } r
            ? ReportCell.Of(Math.Round(r * 100, decimals), (r * 100).ToString(decimals == 1 ? "0.0" : "0.##", CultureInfo.InvariantCulture))
            : ReportCell.Of("—");

    private static string MonthName(string yyyyMm) => $"{int.Parse(yyyyMm[5..], CultureInfo.InvariantCulture)}月";
}
