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
/// 案卷评查 heading. Modules built later (整改, 行政复议) add an implementation to <see cref="AnnualReportContributions.All"/>.
/// </summary>
public interface IAnnualReportContribution
{
    Task<ReportContribution?> ContributeAsync(AnnualReportContext context, CancellationToken ct);
}

public static class AnnualReportContributions
{
    /// <summary>In the order the report prints them.</summary>
    public static readonly IReadOnlyList<IAnnualReportContribution> All =
        [new LegalReviewContribution(), new PublicityContribution(), new CaseFileReviewContribution()];
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

/// <summary>
/// 案卷评查: the review batches finished in the year (Beijing time), the files they drew from the scope's agencies and
/// the findings recorded on them, by rubric area — the shape of the Qiaoxi report ("抽查10个单位50件案卷，发现问题620个").
/// </summary>
public sealed class CaseFileReviewContribution : IAnnualReportContribution
{
    public async Task<ReportContribution?> ContributeAsync(AnnualReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var ids = context.AgencyIds;
        var beijing = TimeSpan.FromHours(8);
        var finished = (await db.ReviewBatches.AsNoTracking().Where(b => b.Status == Zhifa.Domain.CaseFileReviews.ReviewBatchStatus.Finished).ToListAsync(ct))
            .Where(b => b.FinishedAt is { } at && DateOnly.FromDateTime(at.ToOffset(beijing).DateTime) is var day
                        && day >= context.Period.From && day <= context.Period.To)
            .ToList();
        if (finished.Count == 0)
            return null;
        var batchIds = finished.Select(b => b.Id).ToList();
        var files = await db.ReviewFiles.AsNoTracking().Where(f => batchIds.Contains(f.BatchId) && ids.Contains(f.AgencyId))
            .Select(f => new { f.Id, f.BatchId, f.AgencyId }).ToListAsync(ct);
        if (files.Count == 0)
            return null;
        var fileIds = files.Select(f => f.Id).ToList();
        var findings = await db.ReviewFindings.AsNoTracking().Where(n => fileIds.Contains(n.FileId)).Select(n => new { n.FileId, n.ItemCode }).ToListAsync(ct);
        var areaOf = finished.ToDictionary(b => b.Id, b => Zhifa.Data.CaseFileReviews.ReviewDraws.RubricOf(b).Items.ToDictionary(i => i.Code, i => i.Area, StringComparer.Ordinal));
        var fileOf = files.ToDictionary(f => f.Id);
        var byArea = findings.GroupBy(n => areaOf[fileOf[n.FileId].BatchId].GetValueOrDefault(n.ItemCode, "其他"), StringComparer.Ordinal)
            .Select(g => (Area: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Area, StringComparer.Ordinal).ToList();
        var units = files.Select(f => f.AgencyId).Distinct().Count();
        var text = $"全年完成案卷评查{finished.Count}批次,抽查{units}个单位的{files.Count}件案卷,发现问题{findings.Count}个";
        if (byArea.Count > 0)
            text += ",主要集中在" + string.Join("、", byArea.Take(3).Select(a => $"{a.Area}({a.Count}个)"));
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var perAgency = files.GroupBy(f => f.AgencyId).OrderBy(g => names[g.Key].Code, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ReportCell>)[names[g.Key].Code, names[g.Key].Name, g.Count(), findings.Count(n => fileOf[n.FileId].AgencyId == g.Key)])
            .ToList();
        return new ReportContribution("案卷评查", [
            new ReportParagraph(text + "。"),
            new ReportTable("案卷评查", "各执法机关案卷评查情况",
                [new ReportColumn("机关编码", Width: 1.3), new ReportColumn("机关名称", Width: 3), ReportColumn.Number("抽查案卷"), ReportColumn.Number("发现问题")],
                perAgency),
        ]);
    }
}
