using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>
    /// 作出决定 by the agency head, within the limit of 第六十条. A penalty needs the party heard on a notice
    /// (第四十四、四十五、六十二条), no heavier than notified (第四十五条), a passed legal review where required
    /// (第五十八条, including a fine outside its discretion tier, 第三十四条) and collective discussion where
    /// required (第五十七条). No penalty names its ground; an exemption names its list entry and carries the
    /// education record (第三十三条).
    /// </summary>
    public DomainError? Decide(PenaltyContext ctx, PenaltyActor actor, DecisionInput input)
    {
        var next = Begin(PenaltyStep.Decide, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.StepDate(input.DecidedOn, ctx.Today, FiledOn, "决定日期", "立案日期")
            ?? DecisionRules.DecidedInTime(DecisionLimit(ctx.Calendar, ctx.Rules), input.DecidedOn, FiledOn, ctx.Rules, ExtensionDays);
        if (error is not null)
            return error;

        var decision = input.Outcome == PenaltyOutcome.Penalty
            ? PenaltyDecisionFrom(input, actor)
            : NoPenaltyDecisionFrom(input, actor);
        if (!decision.IsSuccess)
            return decision.Error;
        error = ReviewSettled(ctx, decision.Value.Discretion, "作出决定") ?? DiscussionHeld("作出决定");
        if (error is not null)
            return error;

        Decision = decision.Value;
        Advance(PenaltyStep.Decide, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 送达 at the announcement (same day) or later. Service after the 第六十一条 date is accepted, because the
    /// decision stands and the party must still receive it, but <see cref="ServedLate"/> records the breach.
    /// </summary>
    public DomainError? Serve(PenaltyContext ctx, PenaltyActor actor, DateOnly servedOn, ServiceMethod method)
    {
        var next = Begin(PenaltyStep.Serve, actor);
        if (!next.IsSuccess)
            return next.Error;
        var decidedOn = Decision!.DecidedOn;
        var error = Guard.StepDate(servedOn, ctx.Today, decidedOn, "送达日期", "决定日期")
            ?? (method == PenaltyCases.ServiceMethod.AtAnnouncement && servedOn != decidedOn
                ? Guard.Error("announcement_same_day", $"宣告后当场交付须在决定当日{Fmt.Date(decidedOn)}送达（行政处罚法 第六十一条）")
                : null);
        if (error is not null)
            return error;

        var due = DecisionRules.ServiceDue(ctx.Calendar, ctx.Rules, decidedOn).Date;
        ServedOn = servedOn;
        ServiceMethod = method;
        ServiceDueOn = due;
        ServedLate = servedOn > due;
        Advance(PenaltyStep.Serve, next.Value, actor, ctx.Now);
        return null;
    }

    private Result<PenaltyDecision> PenaltyDecisionFrom(DecisionInput input, PenaltyActor actor)
    {
        if (PartyRightsRules.PartyHeard(CurrentNotice, input.DecidedOn, "作出处罚决定") is { } heardError)
            return heardError;
        if (input.NoPenaltyGround is not null || input.Exemption is not null)
            return Guard.Error("decision_mixed", "给予处罚的决定不能同时填写不予处罚的理由或免罚清单事项");
        var terms = PenaltyTerms.Create(input.Kinds, input.Fine, input.ConfiscationValue);
        if (!terms.IsSuccess)
            return terms.Error;
        if (PartyRightsRules.NotHeavierThanNotified(terms.Value, CurrentNotice!) is { } heavierError)
            return heavierError;
        var discretion = AssessDiscretion(input.Discretion, terms.Value, input.DecidedOn);
        if (!discretion.IsSuccess)
            return discretion.Error;
        return PenaltyDecision.Penalise(input.DecidedOn, terms.Value, discretion.Value, actor.UserName);
    }

    private Result<PenaltyDecision> NoPenaltyDecisionFrom(DecisionInput input, PenaltyActor actor)
    {
        if (input.Kinds.Count > 0 || input.Fine is not null || input.ConfiscationValue is not null)
            return Guard.Error("decision_mixed", "不予处罚的决定不能填写处罚种类或金额");
        if (input.NoPenaltyGround is not { } ground)
            return Guard.Error("no_penalty_ground_required", "不予处罚必须选择理由（免罚清单、违法事实不能成立或其他法定情形）");
        if (Guard.Text(input.NoPenaltyReason, "不予处罚的理由") is { } reasonError)
            return reasonError;
        if (ground != NoPenaltyGround.Exemption)
        {
            return input.Exemption is null
                ? PenaltyDecision.NotPenalise(input.DecidedOn, ground, input.NoPenaltyReason!, null, input.EducationRecord, actor.UserName)
                : Guard.Error("decision_mixed", $"「{ground.ToChinese()}」不适用免罚清单事项");
        }

        // 行政处罚法 第三十三条: an entry of this power's published exemption list, and the party educated.
        if (input.Exemption is not { } item)
            return Guard.Error("exemption_item_required", "依据免罚清单不予处罚，必须选择免罚清单事项（行政处罚法 第三十三条）");
        if (item.PowerId != PowerId)
            return Guard.Error("exemption_other_power", "所选免罚清单事项不属于本案适用的职权（行政处罚法 第三十三条）");
        if (item.PublishedOn > input.DecidedOn)
            return Guard.Error("exemption_unpublished", $"免罚清单事项于{Fmt.Date(item.PublishedOn)}公布，{Fmt.Date(input.DecidedOn)}尚不能适用");
        if (string.IsNullOrWhiteSpace(input.EducationRecord))
            return Guard.Error("education_record_required",
                $"依据免罚清单（{item.Kind.ToChinese()}）不予处罚，必须记录对当事人的教育（行政处罚法 第三十三条）");
        return PenaltyDecision.NotPenalise(input.DecidedOn, ground, input.NoPenaltyReason!, item, input.EducationRecord, actor.UserName);
    }
}
