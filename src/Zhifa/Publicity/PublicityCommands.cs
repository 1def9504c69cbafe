using Zhifa.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Data.Accounts;
using Zhifa.Data.Calendar;
using Zhifa.Data.Publicity;
using Zhifa.Data.Storage;
using Zhifa.Domain.Publicity;
using Zhifa.Web;

namespace Zhifa.Publicity;

/// <summary>
/// 撤回公示 (行政处罚法 第四十八条): the administrator of the case's agency, or a system administrator, takes a published decision
/// off the portal after it was changed or revoked. The withdrawal is kept (who, when, why); the case row is not touched.
/// </summary>
public sealed class PublicityCommands(ZhifaDbContext db, DatabaseTarget target, CallerScope scope, PublicityRules rules, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<WithdrawalView>> WithdrawAsync(long caseId, WithdrawRequest r, CancellationToken ct = default)
    {
        // Order as for certificates: malformed input (400), a case the caller cannot see (404, never revealed), the role (403),
        // then the legal rules (422).
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var reason = r.Reason?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (reason.Length == 0)
            errors["reason"] = ["请填写撤回原因(如处罚决定被变更、撤销、确认违法或无效)"];
        else if (reason.Length > MaxReasonLength)
            errors["reason"] = [$"撤回原因不能超过 {MaxReasonLength} 个字符"];
        if (r.ChangedOn is null)
            errors["changedOn"] = ["请填写处罚决定被变更或撤销的日期(YYYY-MM-DD)"];
        else if (r.ChangedOn > today)
            errors["changedOn"] = [$"变更或撤销日期 {r.ChangedOn:yyyy-MM-dd} 晚于今天"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var decision = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (decision is null || !scope.CanSee(decision.AgencyId))
            return NotFound(caseId);
        if (!(scope.IsAdmin || (scope.Role == Roles.AgencyAdmin && scope.AgencyId == decision.AgencyId)))
            return AppError.Forbidden("只有本机关管理员或系统管理员可以撤回公示");

        var already = await db.PublicationWithdrawals.AnyAsync(w => w.CaseId == caseId, ct);
        var withdrawal = PublicationWithdrawal.Record(decision, already, r.ChangedOn!.Value, reason, today, scope.UserName, now);
        if (!withdrawal.IsSuccess)
            return AppError.Rule(withdrawal.Error);
        db.PublicationWithdrawals.Add(withdrawal.Value);
        try
        {
            // The withdrawal and the decision's removal from the search table (ADR-011) commit together.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await PublishedDecisions.RefreshCaseAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), caseId, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone withdrew it at the same moment: the unique index on case_id refused the second row.
            db.ChangeTracker.Clear();
            if (!await db.PublicationWithdrawals.AsNoTracking().AnyAsync(w => w.CaseId == caseId, ct))
                throw;
            return AppError.Rule(PublicationWithdrawal.Record(decision, true, r.ChangedOn.Value, reason, today, scope.UserName, now).Error!);
        }

        var calendar = await new CalendarStore(target).LoadAsync(ct);
        var limit = rules.WithdrawalLimit(calendar, r.ChangedOn.Value);
        var within = today <= limit.Date;
        var note = within
            ? $"已在变更或撤销后 {rules.WithdrawalWorkingDays} 个工作日内撤回(期限 {limit.Date:yyyy年M月d日}{Provisional(limit.Provisional)})"
            : $"已撤回,但超过了 {rules.WithdrawalWorkingDays} 个工作日的撤回期限(期限 {limit.Date:yyyy年M月d日}{Provisional(limit.Provisional)},行政处罚法第四十八条)";
        var w = withdrawal.Value;
        return new WithdrawalView(decision.Number, w.ChangedOn, w.WithdrawnOn, w.Reason, w.RecordedBy, w.RecordedAt,
            rules.WithdrawalWorkingDays, limit.Date, limit.Provisional, within, note);
    }

    internal static string Provisional(bool provisional) => provisional ? ",该年节假日安排尚未载入,期限为暂定" : "";

    public static AppError NotFound(long caseId) => AppError.NotFound("case.not_found", $"案件 {caseId} 不存在");
}
