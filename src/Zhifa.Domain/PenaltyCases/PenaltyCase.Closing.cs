using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>
    /// 结案, approved by the agency head. Before a decision only to transfer the case to the judiciary
    /// (第五十七条(四)) or to revoke the filing, with a note. After service: 执行完毕 when nothing is owed,
    /// 不予处罚 for such a decision, 申请法院强制执行 when the fine is overdue and unpaid.
    /// </summary>
    public DomainError? Close(PenaltyContext ctx, PenaltyActor actor, DateOnly closedOn, ClosingReason reason, string? note)
    {
        var next = Begin(PenaltyStep.Close, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.StepDate(closedOn, ctx.Today, ServedOn ?? FiledOn, "结案日期", ServedOn is null ? "立案日期" : "送达日期")
            ?? (Stage.IsBeforeDecision() ? CloseBeforeDecision(reason, note) : CloseAfterService(ctx, reason, closedOn));
        if (error is not null)
            return error;

        ClosedOn = closedOn;
        ClosingReason = reason;
        ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Advance(PenaltyStep.Close, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>归档 of a closed case (第四十七条: the full-process record is archived).</summary>
    public DomainError? Archive(PenaltyContext ctx, PenaltyActor actor, DateOnly archivedOn)
    {
        var next = Begin(PenaltyStep.Archive, actor);
        if (!next.IsSuccess)
            return next.Error;
        if (Guard.StepDate(archivedOn, ctx.Today, ClosedOn!.Value, "归档日期", "结案日期") is { } error)
            return error;

        ArchivedOn = archivedOn;
        Advance(PenaltyStep.Archive, next.Value, actor, ctx.Now);
        return null;
    }

    private static DomainError? CloseBeforeDecision(ClosingReason reason, string? note)
    {
        if (reason is not (PenaltyCases.ClosingReason.TransferredToJudiciary or PenaltyCases.ClosingReason.FilingRevoked))
            return ReasonNotAllowed(reason, "作出决定前只能以移送司法机关或撤销立案结案");
        return Guard.Text(note, $"{reason.ToChinese()}的情况说明");
    }

    private DomainError? CloseAfterService(PenaltyContext ctx, ClosingReason reason, DateOnly closedOn)
    {
        var decision = Decision!;
        switch (reason)
        {
            case PenaltyCases.ClosingReason.NotPenalised:
                return decision.Outcome == PenaltyOutcome.NoPenalty ? null : ReasonNotAllowed(reason, "本案作出的是处罚决定");
            case PenaltyCases.ClosingReason.Executed:
                if (decision.Outcome != PenaltyOutcome.Penalty)
                    return ReasonNotAllowed(reason, "本案作出的是不予处罚决定");
                var owed = Outstanding(ctx.Calendar, ctx.Rules, closedOn);
                return owed <= 0
                    ? null
                    : Guard.Error("fine_outstanding", $"截至{Fmt.Date(closedOn)}尚欠罚款及加处罚款{Fmt.Yuan(owed)}，不能以执行完毕结案（行政处罚法 第六十七、七十二条）");
            case PenaltyCases.ClosingReason.CourtEnforcement:
                var schedule = PaymentSchedule(ctx.Calendar, ctx.Rules);
                if (schedule.Count == 0 || Outstanding(ctx.Calendar, ctx.Rules, closedOn) <= 0)
                    return ReasonNotAllowed(reason, "本案没有未缴纳的罚款");
                return closedOn > schedule[^1].DueOn
                    ? null
                    : ReasonNotAllowed(reason, $"缴纳期限{Fmt.Date(schedule[^1].DueOn)}尚未届满（行政处罚法 第七十二条）");
            default:
                return ReasonNotAllowed(reason, "作出决定后不能以此理由结案");
        }
    }

    private static DomainError ReasonNotAllowed(ClosingReason reason, string why) =>
        Guard.Error("close_reason_not_allowed", $"不能以「{reason.ToChinese()}」结案：{why}");
}
