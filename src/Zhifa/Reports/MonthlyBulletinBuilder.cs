using System.Globalization;
using System.Text;
using Zhifa.Data.Statistics;

namespace Zhifa.Reports;

/// <summary>
/// The monthly bulletin (行政执法监督工作简报) in the shape the seed reports mention: the month's figures, the year to date,
/// the agencies ranked, 零执法 and the alerts, and the case-file review findings when there are any.
/// </summary>
public static class MonthlyBulletinBuilder
{
    /// <summary>Agencies named at the top and at the bottom of the ranking.</summary>
    public const int Named = 3;

    public static ReportDocument Build(MonthlyBulletinInputs inputs)
    {
        var f = inputs.Figures;
        var (year, month) = (inputs.Month.Year, inputs.Month.Month);
        var scopeName = f.Scope.AgencyCode is { } agency
            ? f.PerAgency.FirstOrDefault(a => a.Code == agency)?.Name ?? agency
            : f.Region is { } region ? $"区划 {region}" : "全部执法机关";
        var sections = new List<ReportSection>
        {
            new(ReportNumbers.Section(1, "本月执法情况"), Month(inputs)),
            new(ReportNumbers.Section(2, "年度累计"), YearToDate(inputs)),
            new(ReportNumbers.Section(3, "各执法机关排名"), Ranking(inputs)),
            new(ReportNumbers.Section(4, "零执法与预警"), Alerts(inputs)),
        };
        if (inputs.Findings.Count > 0)
            sections.Add(new(ReportNumbers.Section(5, "案卷评查发现的问题"), Findings(inputs)));
        var title = $"{year}年{month}月行政执法监督工作简报";
        return new ReportDocument($"{scopeName} {title}", year, scopeName, sections) { FileStem = $"{title}-{scopeName}" };
    }

    private static string Months(DateOnly month) => month.Month == 1 ? "1月" : $"1—{month.Month}月";

    private static List<ReportBlock> Month(MonthlyBulletinInputs inputs)
    {
        var f = inputs.Figures;
        var area = f.Scope.AgencyCode is not null ? "本机关" : "全区";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"根据行政执法监督平台数据统计,{inputs.Month.Year}年{inputs.Month.Month}月{area}{f.Agencies}个行政执法机关共办理行政执法案件{f.Cases.Total}件,");
        sb.Append(CultureInfo.InvariantCulture, $"包括行政检查{f.Cases.Inspection}件、行政处罚{f.Cases.Penalty}件、其他类型{f.Cases.Other}件");
        if (inputs.SameMonthLastYear is { } last)
        {
            var before = last.Cases.Total;
            sb.Append(before == 0
                ? string.Create(CultureInfo.InvariantCulture, $"(上年同月{before}件)")
                : string.Create(CultureInfo.InvariantCulture,
                    $",同比{(f.Cases.Total >= before ? "上升" : "下降")}{Math.Abs((double)(f.Cases.Total - before) / before) * 100:0.0}%(上年同月{before}件)"));
        }
        sb.Append(CultureInfo.InvariantCulture, $";作出处罚决定罚款共计{FiguresJson.FormatFen(f.FinesFen)}元。");
        return
        [
            new ReportParagraph(sb.ToString()),
            new ReportParagraph(
                $"行政执法人员参与办案率{AnnualReportBuilder.Percent(f.OfficerParticipationRate)},执法机关执法率{AnnualReportBuilder.Percent(f.AgencyEnforcementRate)}。"),
        ];
    }

    private static List<ReportBlock> YearToDate(MonthlyBulletinInputs inputs)
    {
        var (m, y) = (inputs.Figures, inputs.YearToDate);
        var months = Months(inputs.Month);
        return
        [
            new ReportParagraph(
                $"{inputs.Month.Year}年{months}累计办理行政执法案件{y.Cases.Total}件,包括行政检查{y.Cases.Inspection}件、行政处罚{y.Cases.Penalty}件、" +
                $"其他类型{y.Cases.Other}件;罚款共计{FiguresJson.FormatFen(y.FinesFen)}元。"),
            new ReportTable("主要指标", "主要指标",
                [new ReportColumn("指标", Width: 3), ReportColumn.Number("本月", 1.5), ReportColumn.Number($"{months}累计", 1.5), new ReportColumn("单位", Width: 0.8)],
                [
                    ["行政执法案件", m.Cases.Total, y.Cases.Total, "件"],
                    ["行政检查", m.Cases.Inspection, y.Cases.Inspection, "件"],
                    ["行政处罚", m.Cases.Penalty, y.Cases.Penalty, "件"],
                    ["其他类型", m.Cases.Other, y.Cases.Other, "件"],
                    ["罚款金额", ReportCell.Of(m.FinesFen / 100.0, FiguresJson.FormatFen(m.FinesFen)), ReportCell.Of(y.FinesFen / 100.0, FiguresJson.FormatFen(y.FinesFen)), "元"],
                ]),
        ];
    }

    private static List<ReportBlock> Ranking(MonthlyBulletinInputs inputs)
    {
        var ytd = inputs.YearToDate.PerAgency.ToDictionary(a => a.Code, a => a.Cases.Total, StringComparer.Ordinal);
        var ranked = inputs.Figures.PerAgency.OrderByDescending(a => a.Cases.Total).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var blocks = new List<ReportBlock>();
        if (ranked.Count > 1)
        {
            string Names(IEnumerable<AgencyFigures> agencies) => string.Join("、", agencies.Select(a => $"{a.Name}({a.Cases.Total}件)"));
            var top = ranked.Take(Math.Min(Named, ranked.Count / 2)).ToList();
            var bottom = ranked.Skip(ranked.Count - top.Count).Reverse().ToList();
            blocks.Add(new ReportParagraph($"本月办案量居前的是{Names(top)};办案量居后的是{Names(bottom)}。"));
        }
        blocks.Add(new ReportTable("各执法机关排名", "各执法机关本月办案量排名",
            [ReportColumn.Number("名次", 0.7), new ReportColumn("机关编码", Width: 1.6), new ReportColumn("机关名称", Width: 3.2),
             ReportColumn.Number("本月案件"), ReportColumn.Number($"{Months(inputs.Month)}累计")],
            ranked.Select((a, i) => (IReadOnlyList<ReportCell>)[(long)(i + 1), a.Code, a.Name, a.Cases.Total, ytd.GetValueOrDefault(a.Code)]).ToList()));
        return blocks;
    }

    private static List<ReportBlock> Alerts(MonthlyBulletinInputs inputs)
    {
        var f = inputs.Figures;
        var key = $"{inputs.Month:yyyy-MM}";
        var names = f.PerAgency.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var zero = f.ZeroEnforcementMonths.Where(z => z.Month == key).Select(z => z.Agency).Distinct().ToList();
        var blocks = new List<ReportBlock> { new ReportHeading(ReportNumbers.Subsection(1, $"本月\"零执法\"机关({zero.Count}个)")) };
        blocks.Add(zero.Count == 0
            ? new ReportParagraph("无。")
            : new ReportList(zero.Select(code => $"{names.GetValueOrDefault(code, code)}({code})").ToList()));
        var opened = inputs.Alerts.Sum(a => a.Opened);
        blocks.Add(new ReportHeading(ReportNumbers.Subsection(2, $"本月平台预警({opened}条)")));
        if (opened == 0)
            blocks.Add(new ReportParagraph("本月平台未生成预警。"));
        else
        {
            var open = inputs.Alerts.Sum(a => a.StillOpen);
            blocks.Add(new ReportParagraph(
                $"本月平台共生成预警{opened}条,其中{string.Join("、", inputs.Alerts.Select(a => $"{a.KindName}{a.Opened}条"))};月末仍待处理{open}条。"));
            blocks.Add(new ReportTable("本月预警", "各类预警",
                [new ReportColumn("预警类别", Width: 3), ReportColumn.Number("生成"), ReportColumn.Number("月末仍待处理")],
                inputs.Alerts.Select(a => (IReadOnlyList<ReportCell>)[a.KindName, a.Opened, a.StillOpen]).ToList()));
        }
        return blocks;
    }

    private static List<ReportBlock> Findings(MonthlyBulletinInputs inputs)
    {
        var total = inputs.Findings.Sum(a => a.Count);
        return
        [
            new ReportParagraph(
                $"本月案卷评查记录问题{total}个,涉及{inputs.ReviewedAgencies}个单位的{inputs.ReviewedFiles}件案卷,主要集中在" +
                string.Join("、", inputs.Findings.Take(3).Select(a => $"{a.Area}({a.Count}个)")) + "。"),
            new ReportTable("案卷评查问题", "评查发现的问题",
                [new ReportColumn("评查项目", Width: 3), ReportColumn.Number("问题数")],
                inputs.Findings.Select(a => (IReadOnlyList<ReportCell>)[a.Area, a.Count]).ToList()),
        ];
    }
}
