using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Web;

namespace Zhifa.Alerts;

/// <summary>One alert of the inbox (预警).</summary>
public sealed record AlertView(long Id, string Kind, string KindName, string Rule, string AgencyCode, string AgencyName,
    string Record, long? CaseId, long? OfficerId, string Details, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string StatusName);

/// <summary>The filters of the inbox: status open (default), closed or all; kind by name or title; agency by code.</summary>
public sealed record AlertFilter(string? Status, string? Kind, string? Agency);

/// <summary>The alert inbox, scoped like every list: the supervision office sees every agency, an agency only its own.</summary>
public sealed class AlertQueries(ZhifaDbContext db, CallerScope scope, CatalogQueries catalog)
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string All = "all";

    public async Task<Outcome<PageOf<AlertView>>> ListAsync(AlertFilter filter, Paging paging, CancellationToken ct = default)
    {
        var alerts = db.Alerts.AsNoTracking();
        if (!scope.SeesAllAgencies)
        {
            var own = scope.Role is not null && scope.AgencyId is { } id ? id : -1;
            alerts = alerts.Where(a => a.AgencyId == own);
        }
        switch (string.IsNullOrWhiteSpace(filter.Status) ? Open : filter.Status.Trim().ToLowerInvariant())
        {
            case Open:
                alerts = alerts.Where(a => a.ClosedAt == null);
                break;
            case Closed:
                alerts = alerts.Where(a => a.ClosedAt != null);
                break;
            case All:
                break;
            default:
                return AppError.Invalid("status", "alerts.bad_status", "status 应为 open(未关闭)、closed(已关闭)或 all(全部)");
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (AlertKinds.Parse(filter.Kind) is not { } kind)
                return AppError.Invalid("kind", "alerts.bad_kind",
                    $"预警类型\"{filter.Kind.Trim()}\"不存在,应为:{string.Join("、", Enum.GetValues<AlertKind>().Select(k => k.Title()))}");
            alerts = alerts.Where(a => a.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            var visible = await catalog.VisibleAgencyAsync(filter.Agency.Trim(), ct);
            if (!visible.IsSuccess)
                return visible.Error;
            var agencyId = visible.Value.Id;
            alerts = alerts.Where(a => a.AgencyId == agencyId);
        }

        var total = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return new PageOf<AlertView>(rows.Select(r => new AlertView(r.Id, r.Kind.ToString(), r.Kind.Title(), r.Kind.Rule(),
            agencies[r.AgencyId].Code, agencies[r.AgencyId].Name, r.RecordLabel, r.CaseId, r.OfficerId, r.Details, r.OpenedAt, r.ClosedAt,
            r.ClosedAt is null ? "未关闭" : "已关闭")).ToList(), total);
    }
}
