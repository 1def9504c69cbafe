using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// 撤回公示 (行政处罚法 第四十八条): a published decision that was changed, revoked, confirmed illegal or void is taken off
/// the portal. The case and its publication date stay as they were; this row is the record that it was withdrawn, when,
/// why and by whom, so the supervision office can see it and the portal leaves it out. At most one per case.
/// </summary>
public sealed class PublicationWithdrawal
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }

    /// <summary>The day the decision was changed or revoked: the 3 working days count from here.</summary>
    public DateOnly ChangedOn { get; private set; }

    /// <summary>The day the decision left the portal.</summary>
    public DateOnly WithdrawnOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private PublicationWithdrawal() { }

    /// <summary>
    /// Withdraws a published general-procedure penalty decision: refused when it was never published (nothing to withdraw),
    /// when it is already withdrawn, or when the change is dated before the decision itself.
    /// </summary>
    public static Result<PublicationWithdrawal> Record(EnforcementCase decision, bool alreadyWithdrawn, DateOnly changedOn, string reason,
        DateOnly today, string? recordedBy, DateTimeOffset recordedAt)
    {
        if (decision.Category != PowerCategory.Penalty || decision.Procedure != ProcedureType.General || decision.PublishedOn is null || decision.DecidedOn is null)
            return new DomainError("publicity.not_published", $"案件 {decision.Number} 没有已公示的处罚决定,无需撤回");
        if (alreadyWithdrawn)
            return new DomainError("publicity.already_withdrawn", $"案件 {decision.Number} 的处罚决定已撤回公示");
        if (changedOn < decision.DecidedOn)
            return new DomainError("publicity.change_before_decision",
                $"变更或撤销日期 {changedOn:yyyy-MM-dd} 早于处罚决定日期 {decision.DecidedOn:yyyy-MM-dd}");
        return new PublicationWithdrawal(decision.Id, changedOn, today, reason, recordedBy, recordedAt);
    }

    public PublicationWithdrawal(long caseId, DateOnly changedOn, DateOnly withdrawnOn, string reason, string? recordedBy, DateTimeOffset recordedAt)
    {
        CaseId = caseId;
        ChangedOn = changedOn;
        WithdrawnOn = withdrawnOn;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }
}
