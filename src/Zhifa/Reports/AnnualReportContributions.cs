using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.PenaltyCases;
using Zhifa.LegalReviews;

namespace Zhifa.Reports;

/// <summary>The year and the agencies a report covers, for the modules that contribute to it.</summary>
public sealed record AnnualReportContext(int Year, StatisticsPeriod Period, SupervisionFigures Figures, IReadOnlyList<long> AgencyIds, ZhifaDbContext Db);

/// <summary>One subsection of "the work of the year" (法制审核, 执法公示, 案卷评查, 整改, 行政复议 …).</summary>
public sealed record ReportContribution(string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>
/// A module's part of the annual report's work of the year. It returns null when the module has no record for the
/// year and scope, and the subsection is then left out: a district that does not use case-file review gets no empty
/// 案卷评查 heading. Modules built later (案卷评查, 整改, 行政复议) add an implementation to <see cref="AnnualReportContributions.All"/>.
/// </summary>
public interface IAnnualReportContribution
{
    Task<ReportContribution?> ContributeAsync(AnnualReportContext context, CancellationToken ct);
}

public static class AnnualReportContributions
{
    /// <summary>In the order the report prints them.</summary>
    public static readonly IReadOnlyList<IAnnualReportContribution> All = [new LegalReviewContribution(), new PublicityContribution()];
}

/// <summary>法制审核: reviews completed in the year, passed and returned, the items most often returned, and a table per agency.</summary>
public sealed class LegalReviewContribution : IAnnualReportContribution
{
    public async Task<ReportContribution?> ContributeAsync(AnnualReportContext context, CancellationToken ct)
    {
        var (from, to, ids) = (context.Period.From, context.Period.To, context.AgencyIds);
        var pending = nameof(ReviewOutcome.Pending);
        var rows = await context.Db.LegalReviews.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.Outcome != pending && r.CompletedOn >= from && r.CompletedOn <= to)
            .Select(r => new { r.AgencyId, r.Outcome, r.Items }).ToListAsync(ct);
        if (rows.Count == 0)
            return null;
        var total = LegalReviewQueries.Figures(rows.Select(r => (r.Outcome, r.Items)).ToList());
        var text = $"全年对{total.Reviewed}件重大执法决定进行了法制审核,审核通过{total.Passed}件,退回补正{total.Returned}件";
        if (total.ReturnedByItem.Count > 0)
            text += ",退回的主要问题是" + string.Join("、", total.ReturnedByItem.OrderByDescending(i => i.Count).Take(3).Select(i => $"{i.ItemName}({i.Count}项)"));
        var names = await context.Db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var perAgency = rows.GroupBy(r => r.AgencyId).OrderBy(g => names[g.Key].Code, StringComparer.Ordinal)
            .Select(g => (Agency: names[g.Key], Figures: LegalReviewQueries.Figures(g.Select(r => (r.Outcome, r.Items)).ToList())))
            .Select(x => (IReadOnlyList<ReportCell>)[x.Agency.Code, x.Agency.Name, x.Figures.Reviewed, x.Figures.Passed, x.Figures.Returned])
            .ToList();
        return new ReportContribution("法制审核", [
            new ReportParagraph(text + "。"),
            new ReportTable("法制审核", "各执法机关法制审核情况",
                [new ReportColumn("机关编码", Width: 1.3), new ReportColumn("机关名称", Width: 3), ReportColumn.Number("审核件数"), ReportColumn.Number("通过"), ReportColumn.Number("退回")],
                perAgency),
        ]);
    }
}

/// <summary>执法公示: penalty decisions of the year and how many were published (国办发〔2018〕118号).</summary>
public sealed class PublicityContribution : IAnnualReportContribution
{
    public async Task<ReportContribution?> ContributeAsync(AnnualReportContext context, CancellationToken ct)
    {
        var (from, to, ids) = (context.Period.From, context.Period.To, context.AgencyIds);
        var decisions = await context.Db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.AgencyId) && c.Category == PowerCategory.Penalty && c.DecidedOn >= from && c.DecidedOn <= to)
            .GroupBy(c => c.PublishedOn != null)
            .Select(g => new { Published = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        var decided = decisions.Sum(d => d.Count);
        if (decided == 0)
            return null;
        var published = decisions.Where(d => d.Published).Sum(d => d.Count);
        var f = context.Figures;
        return new ReportContribution("执法公示", [
            new ReportParagraph(
                $"全年作出行政处罚决定{decided}件,已在平台公示{published}件,公示率{AnnualReportMarkdown.Percent((double)published / decided)};" +
                $"未在7个工作日内公示{f.LatePublicity.Count}件,已过公示期限仍未公示{f.UnpublishedDecisions.Count}件,已列入监督发现的问题。"),
        ]);
    }
}
