using System.Globalization;
using System.Text;
using Zhifa.Data.Statistics;

namespace Zhifa.Reports;

/// <summary>
/// The annual enforcement report (年度行政执法工作报告) in Markdown: the opening section in the words of the seed
/// reports ("一、基本情况"), then a table per agency and the lists the supervision office follows up.
/// </summary>
public static class AnnualReportMarkdown
{
    public static string Write(SupervisionFigures f, SupervisionFigures? previous)
    {
        var year = f.Period.From.Year;
        var sb = new StringBuilder();
        var title = f.Scope.AgencyCode is { } agency
            ? f.PerAgency.FirstOrDefault(a => a.Code == agency)?.Name ?? agency
            : f.Region is { } region ? $"区划 {region}" : "全部执法机关";
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {title} {year}年度行政执法工作报告");
        sb.AppendLine();
        sb.AppendLine("## 一、基本情况");
        sb.AppendLine();
        sb.AppendLine(Opening(f, previous));
        sb.AppendLine();
        sb.AppendLine(Rates(f));
        sb.AppendLine();
        sb.AppendLine("## 二、各执法机关办案情况");
        sb.AppendLine();
        sb.AppendLine("| 机关编码 | 机关名称 | 类别 | 持证人员 | 参与办案人员 | 案件总数 | 行政检查 | 行政处罚 | 其他类型 | 零执法月数 |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in f.PerAgency)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {a.Code} | {a.Name} | {a.Category} | {a.CertifiedOfficers} | {a.ParticipatingOfficers} | {a.Cases.Total} | {a.Cases.Inspection} | {a.Cases.Penalty} | {a.Cases.Other} | {a.ZeroEnforcementMonths} |");
        sb.AppendLine();
        sb.AppendLine("## 三、监督发现的问题");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### (一)月度\"零执法\"({f.ZeroEnforcementMonths.Count}个机关月)");
        sb.AppendLine();
        if (f.ZeroEnforcementMonths.Count == 0)
            sb.AppendLine("无。");
        else
        {
            var names = f.PerAgency.ToDictionary(a => a.Code, a => a.Name);
            foreach (var g in f.ZeroEnforcementMonths.GroupBy(z => z.Agency))
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"- {names.GetValueOrDefault(g.Key, g.Key)}({g.Key}):{string.Join("、", g.Select(z => MonthName(z.Month)))}");
        }
        sb.AppendLine();
        List("(二)超过法定期限作出处罚决定的案件(行政处罚法第六十条)", f.OverduePenaltyCases, sb);
        List("(三)未在7个工作日内公示的处罚决定", f.LatePublicity, sb);
        List("(四)已过公示期限仍未公示的处罚决定", f.UnpublishedDecisions, sb);
        if (f.Provisional)
            sb.AppendLine("注:部分期限所在年度尚未载入国务院节假日安排,按周一至周五计算,为暂定结果。");
        return sb.ToString().TrimEnd();
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

    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    private static string MonthName(string yyyyMm) => $"{int.Parse(yyyyMm[5..], CultureInfo.InvariantCulture)}月";

    private static void List(string heading, IReadOnlyList<string> numbers, StringBuilder sb)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {heading}({numbers.Count}件)");
        sb.AppendLine();
        sb.AppendLine(numbers.Count == 0 ? "无。" : string.Join("、", numbers));
        sb.AppendLine();
    }
}
