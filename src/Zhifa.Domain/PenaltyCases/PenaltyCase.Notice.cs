using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>
    /// 告知 (第四十四条): the proposed penalty, facts and basis; whether the party may ask for a hearing (第六十三条);
    /// the party's window in working days (第六十四条). A fine is checked against the discretion benchmark (第三十四条).
    /// </summary>
    public DomainError? Notify(PenaltyContext ctx, PenaltyActor actor, NoticeInput input)
    {
        var next = Begin(PenaltyStep.Notify, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.Text(input.Facts, "违法事实")
            ?? Guard.Text(input.Basis, "处罚依据")
            ?? Guard.StepDate(input.NotifiedOn, ctx.Today, FiledOn, "告知日期", "立案日期")
            ?? TwoActiveOfficers("告知");
        if (error is not null)
            return error;
        var terms = PenaltyTerms.Create(input.Kinds, input.Fine, input.ConfiscationValue);
        if (!terms.IsSuccess)
            return terms.Error;
        var discretion = AssessDiscretion(input.Discretion, terms.Value, input.NotifiedOn);
        if (!discretion.IsSuccess)
            return discretion.Error;

        var hearingRight = PartyRightsRules.HasHearingRight(terms.Value, Party.Type, ctx.Rules);
        var window = PartyRightsRules.WindowEnd(ctx.Calendar, ctx.Rules, input.NotifiedOn, hearingRight);
        _notices.Add(new PenaltyNotice(input.NotifiedOn, terms.Value, input.Facts.Trim(), input.Basis.Trim(), hearingRight,
            window.Date, window.Provisional, discretion.Value));
        Advance(PenaltyStep.Notify, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>陈述申辩 (第四十五条) on the current notice.</summary>
    public DomainError? RecordStatement(PenaltyContext ctx, PenaltyActor actor, DateOnly statedOn, string content)
    {
        var next = Begin(PenaltyStep.RecordStatement, actor);
        if (!next.IsSuccess)
            return next.Error;
        var notice = CurrentNotice!;
        var error = Guard.Text(content, "陈述申辩内容")
            ?? Guard.StepDate(statedOn, ctx.Today, notice.NotifiedOn, "陈述申辩日期", "告知日期");
        if (error is not null)
            return error;

        notice.AddStatement(new PartyStatement(statedOn, content.Trim(), ctx.Now, actor.UserName));
        Advance(PenaltyStep.RecordStatement, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>The party waives statement, defence and hearing in writing, so the decision need not wait for the window.</summary>
    public DomainError? RecordWaiver(PenaltyContext ctx, PenaltyActor actor, DateOnly waivedOn)
    {
        var next = Begin(PenaltyStep.RecordWaiver, actor);
        if (!next.IsSuccess)
            return next.Error;
        var notice = CurrentNotice!;
        var error = Guard.StepDate(waivedOn, ctx.Today, notice.NotifiedOn, "放弃日期", "告知日期")
            ?? (notice.WaivedOn is { } w ? Guard.Error("already_waived", $"当事人已于{Fmt.Date(w)}书面放弃") : null);
        if (error is not null)
            return error;

        notice.Waive(waivedOn);
        Advance(PenaltyStep.RecordWaiver, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>申请听证: only with the right of 第六十三条 and within the window of 第六十四条 (even after a waiver, which it withdraws).</summary>
    public DomainError? RequestHearing(PenaltyContext ctx, PenaltyActor actor, DateOnly requestedOn)
    {
        var next = Begin(PenaltyStep.RequestHearing, actor);
        if (!next.IsSuccess)
            return next.Error;
        var notice = CurrentNotice!;
        var error = Guard.NotFuture(requestedOn, ctx.Today, "听证申请日期")
            ?? PartyRightsRules.HearingRequestAllowed(notice, requestedOn, ctx.Rules);
        if (error is not null)
            return error;

        notice.RequestHearing(requestedOn);
        Advance(PenaltyStep.RequestHearing, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 安排听证: notice at least the configured working days before the hearing, a chair who did not investigate
    /// (第六十四条). May be rescheduled until the hearing is recorded.
    /// </summary>
    public DomainError? ScheduleHearing(PenaltyContext ctx, PenaltyActor actor, HearingInput input)
    {
        var next = Begin(PenaltyStep.ScheduleHearing, actor);
        if (!next.IsSuccess)
            return next.Error;
        var notice = CurrentNotice!;
        var error = (notice.Hearing?.IsRecorded == true ? Guard.Error("hearing_already_recorded", "听证已经举行，不能重新安排") : null)
            ?? Guard.Text(input.ChairName, "听证主持人")
            ?? Guard.Text(input.Place, "听证地点")
            ?? Guard.StepDate(input.NoticeSentOn, ctx.Today, notice.HearingRequestedOn!.Value, "听证通知日期", "听证申请日期")
            ?? HearingRules.NoticedInTime(ctx.Calendar, ctx.Rules, input.NoticeSentOn, input.HearingOn)
            ?? HearingRules.ChairDidNotInvestigate(input.ChairOfficerId, input.ChairName, _officers);
        if (error is not null)
            return error;

        notice.Schedule(new HearingRecord(input.NoticeSentOn, input.HearingOn, input.ChairOfficerId, input.ChairName.Trim(), input.Place.Trim()));
        Advance(PenaltyStep.ScheduleHearing, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 听证笔录: the hearing took place (on or after its date), or the party did not attend without good reason,
    /// which ends it as a waiver (第六十五条). Either way the party's hearing right is settled.
    /// </summary>
    public DomainError? RecordHearing(PenaltyContext ctx, PenaltyActor actor, DateOnly heldOn, bool partyAttended, string summary)
    {
        var next = Begin(PenaltyStep.RecordHearing, actor);
        if (!next.IsSuccess)
            return next.Error;
        var hearing = CurrentNotice!.Hearing;
        if (hearing is null)
            return Guard.Error("hearing_not_scheduled", "尚未安排听证，不能记录听证");
        var error = (hearing.IsRecorded ? Guard.Error("hearing_already_recorded", "听证已经记录") : null)
            ?? Guard.Text(summary, "听证笔录摘要")
            ?? Guard.StepDate(heldOn, ctx.Today, hearing.HearingOn, "听证举行日期", "通知的听证日期");
        if (error is not null)
            return error;

        hearing.Record(heldOn, partyAttended, summary);
        Advance(PenaltyStep.RecordHearing, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>行政处罚法 第三十四条: the fine against the chosen tier of the power's benchmark; none without a fine or a choice.</summary>
    private Result<DiscretionAssessment?> AssessDiscretion(DiscretionChoice? choice, PenaltyTerms terms, DateOnly on)
    {
        if (choice is null || terms.Fine is not { } fine)
            return Result.Ok<DiscretionAssessment?>(null);
        if (choice.Benchmark.PowerId != PowerId)
            return Guard.Error("discretion_other_power", "所选裁量基准不属于本案适用的职权");
        var check = choice.Benchmark.Check(choice.Level, fine, choice.ReasonIfOutside, on);
        return check.IsSuccess ? Result.Ok<DiscretionAssessment?>(check.Value) : check.Error;
    }
}
