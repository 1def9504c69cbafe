using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>
    /// 提交法制审核 to a reviewer who may review this case (办审分离, 第五十八条). With a notice, only once the party has
    /// been heard or the window has passed: the checklist asks whether the party's rights were respected.
    /// From Investigating (after a returned review) the current notice must still stand, or none was needed (不予处罚).
    /// </summary>
    public DomainError? SubmitForReview(PenaltyContext ctx, PenaltyActor actor, OfficerFacts reviewer, DateOnly submittedOn)
    {
        var next = Begin(PenaltyStep.SubmitForReview, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.StepDate(submittedOn, ctx.Today, FiledOn, "提交审核日期", "立案日期")
            ?? (CurrentNotice is null ? null : PartyRightsRules.PartyHeard(CurrentNotice, submittedOn, "提交法制审核"))
            ?? LegalReviewRules.ReviewerEligible(reviewer, AgencyId, _officers, submittedOn);
        if (error is not null)
            return error;

        _reviews.Add(new LegalReviewTask(reviewer.OfficerId, reviewer.Name, submittedOn, ctx.Now, actor.UserName));
        Advance(PenaltyStep.SubmitForReview, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 完成法制审核 by the assigned reviewer with the nine-item checklist. Passed keeps the case in LegalReview for the
    /// decision (or collective discussion); Returned sends it back to Investigating, where the handler may collect
    /// more evidence, notify again, or resubmit on the notice that stands.
    /// </summary>
    public Result<ReviewOutcome> CompleteReview(PenaltyContext ctx, PenaltyActor actor, IReadOnlyCollection<ReviewItemResult> items,
        string? opinion, DateOnly completedOn)
    {
        // PassReview and ReturnReview share stage and role; which one applies depends on the checklist.
        var allowed = Begin(PenaltyStep.PassReview, actor);
        if (!allowed.IsSuccess)
            return allowed.Error;
        var review = CurrentReview!;
        if (actor.OfficerId != review.ReviewerOfficerId)
            return Guard.Error("review_not_assigned", $"本案的法制审核已指派给{review.ReviewerName}，{actor.UserName}不能审核");
        if (_officers.Any(o => o.OfficerId == actor.OfficerId))
            return Guard.Error("reviewer_is_handler", $"{review.ReviewerName}是本案承办人员，不能审核本案（办审分离，行政处罚法 第五十八条）");
        if (Guard.StepDate(completedOn, ctx.Today, review.SubmittedOn, "审核日期", "提交审核日期") is { } dateError)
            return dateError;
        var outcome = LegalReviewTask.Evaluate(items);
        if (!outcome.IsSuccess)
            return outcome.Error;

        var step = outcome.Value == ReviewOutcome.Passed ? PenaltyStep.PassReview : PenaltyStep.ReturnReview;
        var next = PenaltyWorkflow.Check(Stage, step, actor.Role);
        if (!next.IsSuccess)
            return next.Error;
        review.Complete(outcome.Value, items, opinion, completedOn, ctx.Now);
        Advance(step, next.Value, actor, ctx.Now);
        return outcome.Value;
    }

    /// <summary>
    /// 集体讨论 (第五十七条) by the agency heads. It follows the party's hearing and, where legal review is required,
    /// a passed review, so the heads decide on a reviewed file.
    /// </summary>
    public DomainError? RecordDiscussion(PenaltyContext ctx, PenaltyActor actor, DateOnly heldOn, IReadOnlyList<string> participants, string conclusion)
    {
        var next = Begin(PenaltyStep.RecordDiscussion, actor);
        if (!next.IsSuccess)
            return next.Error;
        var names = participants.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct().ToList();
        var error = Guard.Text(conclusion, "集体讨论结论")
            ?? (names.Count >= 2 ? null : Guard.Error("discussion_participants_too_few", "集体讨论须有两名以上机关负责人参加（行政处罚法 第五十七条）"))
            ?? Guard.StepDate(heldOn, ctx.Today, FiledOn, "集体讨论日期", "立案日期")
            ?? (CurrentNotice is null ? null : PartyRightsRules.PartyHeard(CurrentNotice, heldOn, "集体讨论"))
            ?? ReviewSettled(ctx, null, "集体讨论");
        if (error is not null)
            return error;

        _discussions.Add(new CollectiveDiscussionRecord(heldOn, names, conclusion.Trim(), ctx.Now, actor.UserName));
        Advance(PenaltyStep.RecordDiscussion, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 行政处罚法 第五十八条: a passed review when any ground requires it; and a review once asked for is settled
    /// by passing, even when no ground required it (a returned review is not ignored).
    /// </summary>
    private DomainError? ReviewSettled(PenaltyContext ctx, DiscretionAssessment? decided, string act)
    {
        if (CurrentReview?.Outcome == ReviewOutcome.Pending)
            return Guard.Error("review_pending", $"法制审核尚未完成，不能{act}（行政处罚法 第五十八条）");
        if (CurrentReview is { Outcome: ReviewOutcome.Returned } returned)
            return Guard.Error("review_returned", $"法制审核已退回（{returned.ReturnReasons}），须重新提交并审核通过后才能{act}（行政处罚法 第五十八条）");
        var grounds = LegalReviewGrounds(decided, ctx.PowerOnMajorDecisionList);
        return grounds.Count == 0 || HasPassedReview
            ? null
            : Guard.Error("review_required", $"本案{string.Join("、", grounds)}，须经法制审核通过后才能{act}（行政处罚法 第五十八条）");
    }

    /// <summary>行政处罚法 第五十七条: a discussion, on or after the current notice, when the case is complex or the violation major.</summary>
    private DomainError? DiscussionHeld(string act)
    {
        var grounds = CollectiveDiscussionGrounds();
        var since = CurrentNotice?.NotifiedOn ?? FiledOn;
        return grounds.Count == 0 || _discussions.Any(d => d.HeldOn >= since)
            ? null
            : Guard.Error("discussion_required", $"本案属于{string.Join("、", grounds)}，须经机关负责人集体讨论后才能{act}（行政处罚法 第五十七条）");
    }
}
