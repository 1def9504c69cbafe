using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Rectifications;
using Zhifa.Data.Storage;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rectifications;
using Zhifa.Web;

namespace Zhifa.Rectifications;

/// <summary>
/// The reads of 整改 (ADR-020), scoped on the server: the supervision office and the administrator see every notice; an
/// agency's accounts see only their agency's notices, anything else is absent (404).
/// </summary>
public sealed class RectificationQueries(ZhifaDbContext db, CallerScope scope, TimeProvider clock)
{
    public const string NotFoundCode = "rectification.not_found";

    /// <summary>Issue, accept and return: the supervision office or the administrator.</summary>
    public bool MayDecide => scope.Role is Roles.Admin or Roles.Supervisor;

    /// <summary>Answer: the administrator of the notice's agency.</summary>
    public bool MayAnswer(long agencyId) => scope.Role == Roles.AgencyAdmin && scope.AgencyId == agencyId;

    public static AppError NotFound(long id) => AppError.NotFound(NotFoundCode, $"整改通知书 {id} 不存在");

    private IQueryable<RectificationNoticeRow> Visible()
    {
        var notices = db.RectificationNotices.AsNoTracking();
        if (scope.SeesAllAgencies)
            return notices;
        var own = scope.Role is not null && scope.AgencyId is { } id ? id : -1;
        return notices.Where(n => n.AgencyId == own);
    }

    public Task<RectificationNoticeRow?> VisibleAsync(long id, CancellationToken ct) => Visible().FirstOrDefaultAsync(n => n.Id == id, ct);

    public async Task<Outcome<PageOf<RectificationSummary>>> ListAsync(Paging paging, CancellationToken ct = default)
    {
        var notices = Visible();
        var total = await notices.CountAsync(ct);
        var rows = await notices.OrderByDescending(n => n.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var today = clock.Today();
        return new PageOf<RectificationSummary>(rows.Select(n => new RectificationSummary(n.Id, n.Number, agencies[n.AgencyId].Code,
            agencies[n.AgencyId].Name, n.IssuedOn, n.Deadline, n.Status.ToString(), n.Status.ToChinese(),
            RectificationTransitions.IsOverdue(n.Status, n.Deadline, today))).ToList(), total);
    }

    public async Task<Outcome<RectificationView>> GetAsync(long id, CancellationToken ct = default)
    {
        if (await VisibleAsync(id, ct) is not { } n)
            return NotFound(id);
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == n.AgencyId, ct);
        var sources = await db.RectificationSources.AsNoTracking().Where(s => s.NoticeId == id)
            .OrderBy(s => s.Kind).ThenBy(s => s.SourceId).ToListAsync(ct);
        var events = await db.RectificationEvents.AsNoTracking().Where(e => e.NoticeId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return new RectificationView(n.Id, n.Number, agency.Code, agency.Name, n.Issues, n.IssuedOn, n.Deadline, n.Status.ToString(),
            n.Status.ToChinese(), RectificationTransitions.IsOverdue(n.Status, n.Deadline, clock.Today()), n.IssuedBy, n.IssuedAt,
            sources.Select(s => new RectificationSourceView(s.Kind, s.Kind == RectificationSourceRow.AlertKind ? "预警" : "案卷评查发现的问题",
                s.SourceId, s.Label)).ToList(),
            events.Select(e => new RectificationEventView(e.Id, e.Action.ToString(), e.Action.ToChinese(), e.Text, e.ActedBy, e.ActedAt)).ToList(),
            MayAnswer(n.AgencyId), MayDecide);
    }
}
