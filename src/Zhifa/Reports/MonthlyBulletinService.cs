using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Common;

namespace Zhifa.Reports;

/// <summary>Review findings recorded in the month under one rubric area.</summary>
public sealed record FindingTally(string Area, long Count);

/// <summary>Everything the bulletin says, read by <see cref="MonthlyBulletinService"/>.</summary>
public sealed record MonthlyBulletinInputs(
    DateOnly Month,
    SupervisionFigures Figures,
    SupervisionFigures? SameMonthLastYear,
    SupervisionFigures YearToDate,
    IReadOnlyList<AlertTally> Alerts,
    long ReviewedFiles,
    long ReviewedAgencies,
    IReadOnlyList<FindingTally> Findings);

/// <summary>
/// The monthly bulletin (监督工作简报) of a month and scope: the month's statistics, the same month a year earlier and the
/// year to date (whole months, read from the monthly summaries, ADR-019), the alerts opened in the month and the
/// case-file review findings recorded in it. Built as a <see cref="ReportDocument"/> the annual report's renderers write.
/// </summary>
public sealed partial class MonthlyBulletinService(DatabaseTarget target)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>YYYY-MM as the first day of the month; false for anything else.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        var m = MonthPattern().Match(text?.Trim() ?? "");
        if (!m.Success)
            return false;
        var (y, mm) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (y < 1949 || mm is < 1 or > 12)
            return false;
        month = new DateOnly(y, mm, 1);
        return true;
    }

    public const string MonthRule = "应为 YYYY-MM,例如 2023-03";

    public async Task<Result<ReportDocument>> BuildAsync(DateOnly month, StatisticsScope scope, CancellationToken ct = default)
    {
        var statistics = await StatisticsService.ForAsync(target, ct);
        var period = new StatisticsPeriod(month, month.AddMonths(1).AddDays(-1));
        var figures = await statistics.ComputeAsync(period, scope, ct);
        if (!figures.IsSuccess)
            return figures.Error!;
        var lastYear = await statistics.ComputeAsync(period.OneYearEarlier(), scope, ct);
        var ytd = await statistics.ComputeAsync(new StatisticsPeriod(new DateOnly(month.Year, 1, 1), period.To), scope, ct);
        if (!ytd.IsSuccess)
            return ytd.Error!;

        await using var db = target.CreateContext();
        var ids = await AnnualReportService.AgencyIdsAsync(db, scope, ct);
        bool InMonth(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaStandardTime).DateTime) is var day && day >= period.From && day <= period.To;
        var monthEnd = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaStandardTime);

        var alerts = (await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.AgencyId))
                .Select(a => new { a.Kind, a.OpenedAt, a.ClosedAt }).ToListAsync(ct))
            .Where(a => InMonth(a.OpenedAt)).ToList();
        var tallies = alerts.GroupBy(a => a.Kind).OrderBy(g => g.Key)
            .Select(g => new AlertTally(g.Key.Title(), g.LongCount(), g.LongCount(a => a.ClosedAt is not { } closed || closed >= monthEnd)))
            .ToList();

        var files = await db.ReviewFiles.AsNoTracking().Where(f => ids.Contains(f.AgencyId))
            .Select(f => new { f.Id, f.BatchId, f.AgencyId }).ToListAsync(ct);
        var fileIds = files.Select(f => f.Id).ToList();
        var findings = fileIds.Count == 0
            ? []
            : (await db.ReviewFindings.AsNoTracking().Where(n => fileIds.Contains(n.FileId))
                    .Select(n => new { n.FileId, n.ItemCode, n.RecordedAt }).ToListAsync(ct))
                .Where(n => InMonth(n.RecordedAt)).ToList();
        var fileOf = files.ToDictionary(f => f.Id);
        var batchIds = findings.Select(n => fileOf[n.FileId].BatchId).Distinct().ToList();
        var batches = await db.ReviewBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToListAsync(ct);
        var areaOf = batches.ToDictionary(b => b.Id,
            b => Zhifa.Data.CaseFileReviews.ReviewDraws.RubricOf(b).Items.ToDictionary(i => i.Code, i => i.Area, StringComparer.Ordinal));
        var byArea = findings.GroupBy(n => areaOf[fileOf[n.FileId].BatchId].GetValueOrDefault(n.ItemCode, "其他"), StringComparer.Ordinal)
            .Select(g => new FindingTally(g.Key, g.LongCount())).OrderByDescending(g => g.Count).ThenBy(g => g.Area, StringComparer.Ordinal).ToList();
        var reviewedFiles = findings.Select(n => n.FileId).Distinct().ToList();

        return MonthlyBulletinBuilder.Build(new MonthlyBulletinInputs(month, figures.Value, lastYear.IsSuccess ? lastYear.Value : null, ytd.Value,
            tallies, reviewedFiles.Count, reviewedFiles.Select(f => fileOf[f].AgencyId).Distinct().LongCount(), byArea));
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
