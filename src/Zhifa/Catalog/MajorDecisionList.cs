using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Web;

namespace Zhifa.Catalog;

/// <summary>Puts a power on its agency's 重大执法决定法制审核目录 or takes it off; the reason is required.</summary>
public sealed record MajorDecisionListRequest(bool? Listed, string? Reason);

public sealed record MajorDecisionListChangeView(bool Listed, string Action, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Whether a power is on the list now, since when and by whom, and every change of it (oldest first).</summary>
public sealed record MajorDecisionListView(string PowerCode, string PowerName, string AgencyCode, string AgencyName, bool Listed,
    DateTimeOffset? ListedAt, string? ListedBy, IReadOnlyList<MajorDecisionListChangeView> Changes);

/// <summary>
/// The agency's list of major enforcement decisions (重大执法决定法制审核目录, 国办发〔2018〕118号; 行政处罚法 第五十八条(四)),
/// ADR-022: powers of the agency's own catalog (any category) on which a decision needs legal review. The system
/// administrator and the administrator of the power's agency change it, always with a reason; every change is kept
/// (<c>major_decision_list_changes</c>, append-only) and the current state is one row per listed power. A penalty case
/// filed under a listed power is marked 属于本机关重大执法决定法制审核目录, and the alert 重大执法决定未经法制审核 reads the
/// list as it is now.
/// </summary>
public sealed class MajorDecisionList(ZhifaDbContext db, CallerScope scope, TimeProvider clock, WriteQueue writes)
{
    public async Task<Outcome<MajorDecisionListView>> GetAsync(string code, CancellationToken ct = default)
    {
        var power = await VisiblePowerAsync(code, ct);
        return power.IsSuccess ? await ViewAsync(power.Value, ct) : power.Error;
    }

    public async Task<Outcome<MajorDecisionListView>> SetAsync(string code, MajorDecisionListRequest r, CancellationToken ct = default)
    {
        var power = await VisiblePowerAsync(code, ct);
        if (!power.IsSuccess)
            return power.Error;
        if (!MayChange(power.Value.AgencyId))
            return AppError.Forbidden("只有系统管理员或该职权所属执法机关的管理员可以调整重大执法决定法制审核目录");
        var errors = new Dictionary<string, string[]>();
        if (r.Listed is null)
            errors["listed"] = ["请填写是否列入重大执法决定法制审核目录(listed: true 或 false)"];
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            errors["reason"] = ["请填写调整重大执法决定法制审核目录的理由(reason)"];
        else if (reason.Length > MajorDecisionListChangeRow.MaxReasonLength)
            errors["reason"] = [$"调整理由不能超过 {MajorDecisionListChangeRow.MaxReasonLength} 个字符"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var listed = r.Listed!.Value;
        var powerId = power.Value.Id;
        var now = clock.GetUtcNow();
        using (await writes.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var isListed = await db.MajorDecisionList.AnyAsync(m => m.PowerId == powerId, ct);
            // Already as asked: nothing changes, so nothing is recorded (PUT is idempotent).
            if (isListed == listed)
                return await ViewAsync(power.Value, ct);
            try
            {
                if (listed)
                {
                    db.MajorDecisionList.Add(new MajorDecisionListRow { PowerId = powerId, ListedAt = now, ListedBy = scope.UserName! });
                }
                else if (await db.MajorDecisionList.Where(m => m.PowerId == powerId).ExecuteDeleteAsync(ct) == 0)
                {
                    return Changed(power.Value);
                }
                db.MajorDecisionListChanges.Add(new MajorDecisionListChangeRow
                {
                    PowerId = powerId, Listed = listed, Reason = reason, ChangedBy = scope.UserName!, ChangedAt = now,
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two listings at once on PostgreSQL: the second finds the power's row taken.
                db.ChangeTracker.Clear();
                return Changed(power.Value);
            }
        }
        db.ChangeTracker.Clear();
        return await ViewAsync(power.Value, ct);
    }

    /// <summary>The system administrator, or the administrator of the power's own agency.</summary>
    public bool MayChange(long agencyId) => scope.IsAdmin || (scope.Role == Roles.AgencyAdmin && scope.AgencyId == agencyId);

    private static AppError Changed(Power power) =>
        AppError.Conflict("power.major_decision_list_changed", $"职权\"{power.Name}\"的重大执法决定法制审核目录状态刚被他人调整,请刷新后重试", "listed");

    private async Task<MajorDecisionListView> ViewAsync(Power power, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == power.AgencyId, ct);
        var current = await db.MajorDecisionList.AsNoTracking().FirstOrDefaultAsync(m => m.PowerId == power.Id, ct);
        var changes = await db.MajorDecisionListChanges.AsNoTracking().Where(c => c.PowerId == power.Id).OrderBy(c => c.Id).ToListAsync(ct);
        return new MajorDecisionListView(power.Code, power.Name, agency.Code, agency.Name, current is not null, current?.ListedAt, current?.ListedBy,
            changes.Select(c => new MajorDecisionListChangeView(c.Listed, c.Listed ? "列入" : "移出", c.Reason, c.ChangedBy, c.ChangedAt)).ToList());
    }

    private async Task<Outcome<Power>> VisiblePowerAsync(string code, CancellationToken ct)
    {
        var power = await scope.Powers(db).AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        return power is null ? AppError.NotFound("power.not_found", $"职权\"{code}\"不存在") : power;
    }
}
