using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Reports;

/// <summary>
/// Reads the records of a year and scope once — the statistics (shared/spec/statistics.md), cases by month and by
/// type, the alerts and each module's contribution — and builds the <see cref="ReportDocument"/> every format renders.
/// The CLI and the web call it with the scope they have checked.
/// </summary>
public sealed class AnnualReportService(DatabaseTarget target, IReadOnlyList<IAnnualReportContribution> contributions)
{
    /// <summary>Alerts are dated in the platform's zone, China Standard Time (no daylight saving).</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public AnnualReportService(DatabaseTarget target) : this(target, AnnualReportContributions.All) { }

    public async Task<Result<ReportDocument>> BuildAsync(int year, StatisticsScope scope, CancellationToken ct = default)
    {
        var statistics = await StatisticsService.ForAsync(target, ct);
        var period = StatisticsPeriod.Year(year);
        var figures = await statistics.ComputeAsync(period, scope, ct);
        if (!figures.IsSuccess)
            return figures.Error!;
        var previous = await statistics.ComputeAsync(period.OneYearEarlier(), scope, ct);

        await using var db = target.CreateContext();
        var ids = await AgencyIdsAsync(db, scope, ct);
        var (from, to) = (period.From, period.To);
        // Cases by month and by type: a calendar year is whole months, read from the monthly summaries (V014, ADR-019).
        var months = await db.CaseMonthCounts.AsNoTracking()
            .Where(m => ids.Contains(m.AgencyId) && m.Month >= from && m.Month <= to)
            .GroupBy(m => new { m.Month, m.Category })
            .Select(g => new { g.Key.Month, g.Key.Category, Count = g.Sum(m => m.Cases) })
            .ToListAsync(ct);
        var byMonth = new long[12];
        foreach (var m in months)
            byMonth[m.Month.Month - 1] += m.Count;
        var byType = months.GroupBy(m => Enum.Parse<PowerCategory>(m.Category)).OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<string, long>(g.Key.ToChinese(), g.Sum(m => m.Count))).ToList();

        var alerts = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.AgencyId))
            .Select(a => new { a.Kind, a.OpenedAt, a.ClosedAt }).ToListAsync(ct);
        var tallies = alerts.Where(a => a.OpenedAt.ToOffset(ChinaStandardTime).Year == year)
            .GroupBy(a => a.Kind).OrderBy(g => g.Key)
            .Select(g => new AlertTally(g.Key.Title(), g.LongCount(), g.LongCount(a => a.ClosedAt is null))).ToList();

        var context = new AnnualReportContext(year, period, figures.Value, ids, db);
        var work = new List<ReportContribution>();
        foreach (var contribution in contributions)
            if (await contribution.ContributeAsync(context, ct) is { } part)
                work.Add(part);

        return AnnualReportBuilder.Build(new AnnualReportInputs(
            figures.Value, previous.IsSuccess ? previous.Value : null, byMonth, byType, tallies, work));
    }

    /// <summary>The agencies of the scope, as the statistics select them (every agency, a region's, or one).</summary>
    internal static async Task<List<long>> AgencyIdsAsync(ZhifaDbContext db, StatisticsScope scope, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.RegionCode }).ToListAsync(ct);
        if (scope.AgencyCode is { } code)
            return agencies.Where(a => a.Code == code).Select(a => a.Id).ToList();
        if (scope.RegionCode is { } regionText && RegionCode.Create(regionText) is { IsSuccess: true } region)
            return agencies.Where(a => RegionCode.Create(a.RegionCode) is { IsSuccess: true } r && region.Value.Covers(r.Value)).Select(a => a.Id).ToList();
        return agencies.Select(a => a.Id).ToList();
    }
}
