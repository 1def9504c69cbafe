using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;
using Zhifa.Web;

namespace Zhifa.Statistics;

/// <summary>
/// The dashboard's filters, all in the query string: a <c>year</c> (default this year) with an optional <c>quarter</c>
/// (1–4) or <c>month</c> (1–12), or a <c>from</c>/<c>to</c> pair of days; and a scope — <c>region</c> or <c>agency</c>
/// for the supervision office, always the caller's own agency otherwise.
/// </summary>
public sealed record DashboardFilter(int? Year, int? Quarter, int? Month, string? From, string? To, string? Region, string? Agency);

/// <summary>One open alert of the dashboard's inbox panel, with the link to its record.</summary>
public sealed record DashboardAlert(long Id, string KindName, string AgencyCode, string AgencyName, string Record, string? RecordLink, DateTimeOffset OpenedAt);

/// <summary>Everything the dashboard shows: the period's figures, the same period a year earlier, the open alerts.</summary>
public sealed record Dashboard(StatisticsPeriod Period, string PeriodText, StatisticsScope Scope, string ScopeText, bool AgencyView,
    SupervisionFigures Current, SupervisionFigures Previous, IReadOnlyList<DashboardAlert> Alerts, int OpenAlerts)
{
    /// <summary>The query string of the period and scope, for the drill-down links (from, to, region or agency).</summary>
    public string Query
    {
        get
        {
            var q = $"from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}";
            if (Scope.AgencyCode is { } agency)
                q += "&agency=" + Uri.EscapeDataString(agency);
            else if (Scope.RegionCode is { } region)
                q += "&region=" + Uri.EscapeDataString(region);
            return q;
        }
    }
}

/// <summary>
/// The supervision dashboard (首页): the figures of a period and scope beside the same period a year earlier (同比), the
/// charts' monthly and per-category counts, the agencies ranked and the open alerts. Both periods are computed by
/// <see cref="StatisticsService"/> — whole months from the monthly summaries — at the same time on two connections.
/// </summary>
public sealed class DashboardQueries(DatabaseTarget target, ZhifaDbContext db, StatisticsQueries statistics, CallerScope caller, TimeProvider clock)
{
    public const int AlertsShown = 10;

    public async Task<Outcome<Dashboard>> LoadAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var period = Period(filter, clock.Today());
        if (!period.IsSuccess)
            return period.Error;
        var resolved = await statistics.ResolveScopeAsync(filter.Region, filter.Agency, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var scope = resolved.Value;

        var service = await StatisticsService.ForAsync(target, ct);
        var (current, previousPeriod) = (service.ComputeAsync(period.Value.Period, scope, ct), service.ComputeAsync(period.Value.Period.OneYearEarlier(), scope, ct));
        await Task.WhenAll(current, previousPeriod);
        var figures = await current;
        if (!figures.IsSuccess)
            return figures.Error.Code == "statistics.unknown_agency"
                ? AppError.NotFound("agency.not_found", figures.Error.Message)
                : AppError.Invalid(scope.RegionCode is null ? "agency" : "region", figures.Error.Code, figures.Error.Message);
        var previous = (await previousPeriod).Value;

        var (alerts, open) = await AlertsAsync(scope, ct);
        var agencyView = scope.AgencyCode is not null;
        var scopeText = scope switch
        {
            { AgencyCode: { } code } => (caller.SeesAllAgencies ? "" : "本机关 ") + code + " " + (figures.Value.PerAgency.FirstOrDefault()?.Name ?? ""),
            { RegionCode: { } region } => $"区划 {region}",
            _ => "全部执法主体",
        };
        return new Dashboard(period.Value.Period, period.Value.Text, scope, scopeText.Trim(), agencyView, figures.Value, previous, alerts, open);
    }

    /// <summary>The period of the filter, capped at today when it runs past it (year to date; 同比 then compares the same days).</summary>
    public static Outcome<(StatisticsPeriod Period, string Text)> Period(DashboardFilter filter, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(filter.From) || !string.IsNullOrWhiteSpace(filter.To))
        {
            var from = StatisticsQueries.ParseDate(filter.From, "from", errors, "开始日期");
            var to = StatisticsQueries.ParseDate(filter.To, "to", errors, "结束日期");
            if (errors.Count == 0 && to < from)
                errors["to"] = [$"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}"];
            if (errors.Count == 0 && to!.Value.DayNumber - from!.Value.DayNumber > 366 * 5)
                errors["to"] = ["统计期间不能超过五年,请缩短结束日期与开始日期之间的间隔"];
            if (errors.Count > 0)
                return AppError.Invalid(errors);
            return (new StatisticsPeriod(from!.Value, to!.Value), $"{from:yyyy年M月d日}至{to:yyyy年M月d日}");
        }
        var year = filter.Year ?? today.Year;
        if (year is < 2000 or > 2100)
            errors["year"] = [$"年份 {year} 无效,应为 2000 到 2100 之间的四位年份"];
        if (filter.Quarter is { } q && q is < 1 or > 4)
            errors["quarter"] = [$"季度 {q} 无效,应为 1 到 4"];
        if (filter.Month is { } m && m is < 1 or > 12)
            errors["month"] = [$"月份 {m} 无效,应为 1 到 12"];
        if (filter.Quarter is not null && filter.Month is not null)
            errors["month"] = ["季度与月份只能选择其一"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);
        StatisticsPeriod period;
        string text;
        if (filter.Quarter is { } quarter)
        {
            var start = new DateOnly(year, quarter * 3 - 2, 1);
            (period, text) = (new StatisticsPeriod(start, start.AddMonths(3).AddDays(-1)), $"{year}年第{"一二三四"[quarter - 1]}季度");
        }
        else if (filter.Month is { } month)
        {
            var start = new DateOnly(year, month, 1);
            (period, text) = (new StatisticsPeriod(start, start.AddMonths(1).AddDays(-1)), $"{year}年{month}月");
        }
        else
            (period, text) = (StatisticsPeriod.Year(year), $"{year}年");
        if (period.From <= today && today < period.To)
        {
            period = period with { To = today };
            text += $"(截至{today.Month}月{today.Day}日)";
        }
        return (period, text);
    }

    /// <summary>The newest open alerts of the scope's agencies (the inbox's (agency, closed_at) index) and how many are open.</summary>
    private async Task<(List<DashboardAlert>, int)> AlertsAsync(StatisticsScope scope, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name, a.RegionCode }).ToListAsync(ct);
        var alerts = db.Alerts.AsNoTracking().Where(a => a.ClosedAt == null);
        if (scope.AgencyCode is { } code)
        {
            var id = agencies.FirstOrDefault(a => a.Code == code)?.Id ?? -1;
            alerts = alerts.Where(a => a.AgencyId == id);
        }
        else if (scope.RegionCode is { } text && RegionCode.Create(text) is { IsSuccess: true } region)
        {
            var ids = agencies.Where(a => RegionCode.Create(a.RegionCode) is { IsSuccess: true } r && region.Value.Covers(r.Value)).Select(a => a.Id).ToList();
            alerts = alerts.Where(a => ids.Contains(a.AgencyId));
        }
        var open = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(a => a.Id).Take(AlertsShown).ToListAsync(ct);
        var caseIds = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).ToList();
        var officerIds = rows.Where(r => r.OfficerId is not null).Select(r => r.OfficerId!.Value).ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.CertificateNumber, ct);
        var byId = agencies.ToDictionary(a => a.Id);
        return (rows.Select(r =>
        {
            var agency = byId[r.AgencyId];
            string? link = r.CaseId is { } c && numbers.TryGetValue(c, out var number) ? "/cases?number=" + Uri.EscapeDataString(number)
                : r.OfficerId is { } o && officers.TryGetValue(o, out var certificate) ? "/officers/" + Uri.EscapeDataString(certificate)
                : r.Kind == AlertKind.ZeroEnforcement && r.RecordKey.StartsWith("month:", StringComparison.Ordinal)
                    ? $"/cases?agency={Uri.EscapeDataString(agency.Code)}&month={r.RecordKey[6..]}"
                    : null;
            return new DashboardAlert(r.Id, r.Kind.Title(), agency.Code, agency.Name, r.RecordLabel, link, r.OpenedAt);
        }).ToList(), open);
    }

    /// <summary>"上升27.1%", "下降3.0%", "持平", or "—" when last year's figure is 0.</summary>
    public static string Change(long current, long previous)
    {
        if (previous == 0)
            return current == 0 ? "持平" : "—";
        var rate = Math.Round((double)(current - previous) / previous, 4, MidpointRounding.AwayFromZero) * 100;
        var text = Math.Abs(rate).ToString("0.0", CultureInfo.InvariantCulture);
        return rate > 0 ? $"上升{text}%" : rate < 0 ? $"下降{text}%" : "持平";
    }

    /// <summary>The change of a rate in percentage points: "上升2.5个百分点".</summary>
    public static string ChangeOfRate(double? current, double? previous)
    {
        if (current is not { } c || previous is not { } p)
            return "—";
        var points = Math.Round((c - p) * 100, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture);
        return points > 0 ? $"上升{text}个百分点" : points < 0 ? $"下降{text}个百分点" : "持平";
    }
}
