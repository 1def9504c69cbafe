using Zhifa.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Calendar;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Publicity;
using Zhifa.Web;

namespace Zhifa.Publicity;

/// <summary>
/// Decided general-procedure penalty decisions of the caller's scope that were not published within
/// <see cref="PublicityRules.PenaltyDecisionWorkingDays"/> working days (国办发〔2018〕118号): still unpublished after the
/// deadline (未公示), or published after it (逾期公示). The unpublished ones come first, most overdue first.
/// </summary>
public sealed class OverdueQueries(ZhifaDbContext db, DatabaseTarget target, CallerScope scope, CatalogQueries catalog,
    PublicityRules rules, TimeProvider clock)
{
    public const string Unpublished = "未公示";
    public const string PublishedLate = "逾期公示";

    public async Task<Outcome<PageOf<OverdueDecision>>> OverdueAsync(string? from, string? to, string? agency, Paging paging, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = PublicDecisionQueries.ParseDate(from, "from", "开始日期", errors);
        var toDate = PublicDecisionQueries.ParseDate(to, "to", "结束日期", errors);
        if (fromDate is not null && toDate is not null && toDate < fromDate)
            errors["to"] = [$"结束日期 {toDate:yyyy-MM-dd} 早于开始日期 {fromDate:yyyy-MM-dd}"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var cases = db.Cases.AsNoTracking()
            .Where(c => c.Category == PowerCategory.Penalty && c.Procedure == ProcedureType.General && c.DecidedOn != null);
        // N working days after the decision are at least N calendar days after it: a decision published by then is on time,
        // so only the others are read and checked against the calendar.
        var onTimeDays = rules.PenaltyDecisionWorkingDays;
        cases = cases.Where(c => c.PublishedOn == null || c.PublishedOn > c.DecidedOn!.Value.AddDays(onTimeDays));
        if (!scope.SeesAllAgencies)
        {
            var own = scope.Role is not null && scope.AgencyId is { } id ? id : -1;
            cases = cases.Where(c => c.AgencyId == own);
        }
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var visible = await catalog.VisibleAgencyAsync(agency.Trim(), ct);
            if (!visible.IsSuccess)
                return visible.Error;
            var agencyId = visible.Value.Id;
            cases = cases.Where(c => c.AgencyId == agencyId);
        }
        if (fromDate is { } f)
            cases = cases.Where(c => c.DecidedOn >= f);
        if (toDate is { } t)
            cases = cases.Where(c => c.DecidedOn <= t);

        var today = clock.Today();
        var calendar = await new CalendarStore(target).LoadAsync(ct);
        var rows = await cases.Select(c => new { c.Id, c.Number, c.AgencyId, c.DecidedOn, c.PublishedOn }).ToListAsync(ct);
        var late = new List<(long CaseId, string Number, long AgencyId, DateOnly Decided, DateOnly? Published, Domain.Calendar.Deadline Limit)>();
        foreach (var c in rows)
        {
            var limit = rules.PenaltyPublicationLimit(calendar, c.DecidedOn!.Value);
            if (c.PublishedOn is { } p ? p > limit.Date : limit.Date < today)
                late.Add((c.Id, c.Number, c.AgencyId, c.DecidedOn.Value, c.PublishedOn, limit));
        }
        var ordered = late.OrderBy(x => x.Published is null ? 0 : 1).ThenBy(x => x.Limit.Date).ThenBy(x => x.Number, StringComparer.Ordinal).ToList();
        var page = ordered.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var agencyIds = page.Select(x => x.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return new PageOf<OverdueDecision>(page.Select(x => new OverdueDecision(x.CaseId, x.Number, agencies[x.AgencyId].Code, agencies[x.AgencyId].Name,
            x.Decided, rules.PenaltyDecisionWorkingDays, x.Limit.Date, x.Limit.Provisional, x.Published,
            x.Published is null ? Unpublished : PublishedLate,
            (x.Published ?? today).DayNumber - x.Limit.Date.DayNumber)).ToList(), ordered.Count);
    }
}
