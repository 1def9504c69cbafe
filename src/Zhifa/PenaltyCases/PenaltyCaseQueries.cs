using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>
/// Filters of the case list: a stage (Notified or 告知), an officer (certificate number, or <c>me</c> for the caller),
/// and <c>due=soon</c> (the next limit within the configured working days) or <c>due=overdue</c>.
/// </summary>
public sealed record PenaltyCaseFilter(string? Stage = null, string? Officer = null, string? Due = null);

/// <summary>Penalty cases as the caller may see them: an agency's own, or all for the supervision office (API and pages).</summary>
public sealed class PenaltyCaseQueries(ZhifaDbContext db, CallerScope scope, PenaltyCaseService service, PenaltyCaseViewBuilder views)
{
    public async Task<Outcome<PenaltyCaseView>> GetAsync(long id, CancellationToken ct = default)
    {
        var loaded = await service.LoadVisibleAsync(id, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var stored = loaded.Value;
        return await views.BuildAsync(stored.Case, stored.Version, PenaltyCaseDetails.Read(stored.Details), await service.ContextAsync(ct), service.Actor, ct);
    }

    public async Task<Outcome<PageOf<PenaltyCaseListItem>>> ListAsync(PenaltyCaseFilter filter, Paging paging, CancellationToken ct = default)
    {
        var rows = db.PenaltyCases.AsNoTracking();
        if (!scope.SeesAllAgencies)
        {
            var own = scope.Role is not null && scope.AgencyId is { } a ? a : -1;
            rows = rows.Where(r => r.AgencyId == own);
        }
        var check = new RequestCheck();
        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            var stage = check.Enum<PenaltyStage>(filter.Stage, "stage", "阶段", PenaltyStageNames.ToChinese).ToString();
            rows = rows.Where(r => r.Stage == stage);
        }
        var ctx = await service.ContextAsync(ct);
        var today = ctx.Today;
        switch (filter.Due?.Trim())
        {
            case null or "":
                break;
            case "overdue":
                rows = rows.Where(r => r.NextDeadlineOn < today);
                break;
            case "soon":
                // Equivalent to the domain's "due soon" (today is on or after the Nth working day before the limit).
                var until = ctx.Calendar.AddWorkingDays(today, ctx.Rules.DueSoonWorkingDays).Date;
                rows = rows.Where(r => r.NextDeadlineOn >= today && r.NextDeadlineOn <= until);
                break;
            default:
                check.Add("due", $"due\"{filter.Due}\"无效,应为 soon(即将到期)或 overdue(已逾期)");
                break;
        }
        if (!string.IsNullOrWhiteSpace(filter.Officer))
        {
            var number = filter.Officer.Trim();
            long? officerId = number == "me"
                ? scope.OfficerId
                : await db.Officers.AsNoTracking().Where(o => o.CertificateNumber == number).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
            var id = officerId ?? -1;
            rows = rows.Where(r => db.CaseOfficers.Any(co => co.CaseId == r.Id && co.OfficerId == id));
        }
        if (check.Failed)
            return check.Error;

        var total = await rows.CountAsync(ct);
        var page = await (from r in rows
                          join c in db.Cases on r.Id equals c.Id
                          join a in db.Agencies on r.AgencyId equals a.Id
                          orderby r.Id descending
                          select new { r, c.FiledOn, a.Code, a.Name }).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = page.Select(x => x.r.Id).ToList();
        var officers = (await (from co in db.CaseOfficers
                               join o in db.Officers on co.OfficerId equals o.Id
                               where ids.Contains(co.CaseId)
                               select new { co.CaseId, o.Name }).ToListAsync(ct)).ToLookup(x => x.CaseId, x => x.Name);
        var items = page.Select(x =>
        {
            var r = x.r;
            var procedure = Enum.Parse<ProcedureType>(r.Procedure);
            var stage = Enum.Parse<PenaltyStage>(r.Stage);
            NextDeadlineView? next = null;
            if (r.NextDeadlineOn is { } due)
            {
                var status = PenaltyCase.DeadlineStatusOn(ctx.Calendar, ctx.Rules, due, today);
                next = new NextDeadlineView(r.NextDeadlineName ?? "", due, PenaltyCaseViewBuilder.Status(status), status.ToChinese());
            }
            return new PenaltyCaseListItem(r.Id, r.Number, x.Code, x.Name, r.Procedure, procedure.ToChinese(), r.Stage, stage.ToChinese(), r.PartyName,
                x.FiledOn, r.DecisionLimitOn, next, officers[r.Id].ToList(), r.UpdatedAt, r.Version);
        }).ToList();
        return new PageOf<PenaltyCaseListItem>(items, total);
    }
}
