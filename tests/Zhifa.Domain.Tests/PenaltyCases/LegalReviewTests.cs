using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class LegalReviewTests
{
    private static DecisionInput Fine(string on, decimal fine = 1000m) => new(P.D(on), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine], Fine = fine };

    private static CaseBuilder MajorCase() =>
        CaseBuilder.Filed(significance: new CaseSignificance { MajorPublicInterest = true }).Notified("2024-03-05").Waived("2024-03-05");

    [Fact]
    public void Decide_WhenThePowerIsOnTheMajorDecisionListNow_IsRefusedWithoutReview_EvenIfTheCaseIsNotMarked()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05");
        var listed = b.Ctx with { PowerOnMajorDecisionList = true };

        var error = b.Case.Decide(listed, P.Head, Fine("2024-03-06"));

        error.ShouldFail("penalty.review_required");
        error!.Message.ShouldContain("属于本机关重大执法决定法制审核目录");
        b.Case.Significance.OnMajorDecisionList.ShouldBeFalse();
        b.Reviewed("2024-03-06");
        b.Case.Decide(listed, P.Head, Fine("2024-03-07")).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenThePowerIsNotListedAndTheCaseNotMarked_NeedsNoReview()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05");

        b.Case.Decide(b.Ctx with { PowerOnMajorDecisionList = false }, P.Head, Fine("2024-03-06")).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenMajorPublicInterestAndNoReview_IsRefusedNamingArticle58()
    {
        var b = MajorCase();

        var error = b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-06"));

        error.ShouldFail("penalty.review_required");
        error!.Message.ShouldContain("涉及重大公共利益");
        error.Message.ShouldContain("第五十八条");
        b.Case.LegalReviewGrounds().ShouldBe(["涉及重大公共利益"]);
    }

    [Fact]
    public void CompleteReview_WhenAllNineConfirmed_PassesAndTheDecisionMayFollow()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();
        b.Case.Stage.ShouldBe(PenaltyStage.LegalReview);

        b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, P.AllConfirmed(), "同意处罚", P.D("2024-03-07")).Value.ShouldBe(ReviewOutcome.Passed);

        b.Case.Stage.ShouldBe(PenaltyStage.LegalReview);
        b.Case.CurrentReview!.Items.Count.ShouldBe(9);
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-08")).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenReviewPending_IsRefused()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-08")).ShouldFail("penalty.review_pending");
    }

    [Fact]
    public void SubmitForReview_WhenReviewerIsAHandler_IsRefused()
    {
        var b = MajorCase();
        var handlerWithQualification = P.Zhang with { IsLegalReviewer = true };

        var error = b.Case.SubmitForReview(b.Ctx, P.ZhangActs, handlerWithQualification, P.D("2024-03-06"));

        error.ShouldFail("penalty.reviewer_is_handler");
        error!.Message.ShouldContain("办审分离");
        b.Case.Stage.ShouldBe(PenaltyStage.Notified);
    }

    [Fact]
    public void SubmitForReview_WhenReviewerUnqualifiedOrOfAnotherAgency_IsRefused()
    {
        var b = MajorCase();

        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Wang, P.D("2024-03-06")).ShouldFail("penalty.reviewer_not_qualified");
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao with { AgencyId = P.OtherAgency }, P.D("2024-03-06")).ShouldFail("penalty.reviewer_other_agency");
    }

    [Fact]
    public void SubmitForReview_WhenStatementWindowOpen_IsRefused()
    {
        var b = CaseBuilder.Filed(significance: new CaseSignificance { MajorPublicInterest = true }).Notified("2024-03-05");

        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldFail("penalty.statement_window_open");
    }

    [Fact]
    public void AssignOfficer_WhenOfficerIsTheReviewer_IsRefused()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();

        b.Case.AssignOfficer(b.Ctx, P.Head, P.Zhao, P.D("2024-03-06")).ShouldFail("penalty.officer_is_reviewer");
    }

    [Fact]
    public void CompleteReview_WhenByAnotherReviewerOrByTheHandler_IsRefused()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();

        b.Case.CompleteReview(b.Ctx, P.QianReviews, P.AllConfirmed(), null, P.D("2024-03-07")).ShouldFail("penalty.review_not_assigned");
        b.Case.CompleteReview(b.Ctx, P.ZhangActs, P.AllConfirmed(), null, P.D("2024-03-07")).ShouldFail("penalty.wrong_role");
        b.Case.CurrentReview!.Outcome.ShouldBe(ReviewOutcome.Pending);
    }

    [Fact]
    public void CompleteReview_WhenAnItemIsReturnedWithoutReason_IsRefused()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();
        var items = P.AllConfirmed().Select(i => i.Item == ReviewChecklistItem.FactsAndEvidence ? i with { Confirmed = false, Reason = " " } : i).ToList();

        var result = b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, items, null, P.D("2024-03-07"));

        result.ShouldFail("penalty.review_reason_required");
        result.Error!.Message.ShouldContain("事实清楚，证据合法充分");
        b.Case.Stage.ShouldBe(PenaltyStage.LegalReview);
    }

    [Fact]
    public void CompleteReview_WhenChecklistIncompleteOrDuplicated_IsRefused()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();

        var missing = b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, P.AllConfirmed().Skip(1).ToList(), null, P.D("2024-03-07"));
        missing.ShouldFail("penalty.review_checklist_incomplete");
        missing.Error!.Message.ShouldContain("执法主体合法");
        b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, [.. P.AllConfirmed(), P.AllConfirmed()[0]], null, P.D("2024-03-07"))
            .ShouldFail("penalty.review_item_duplicate");
    }

    [Fact]
    public void CompleteReview_WhenReturnedWithReason_SendsTheCaseBackToInvestigatingUntilAPassedReview()
    {
        var b = MajorCase();
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-06")).ShouldSucceed();
        var items = P.AllConfirmed().Select(i => i.Item == ReviewChecklistItem.FactsAndEvidence ? i with { Confirmed = false, Reason = "缺少进货凭证" } : i).ToList();

        b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, items, "补充证据", P.D("2024-03-07")).Value.ShouldBe(ReviewOutcome.Returned);

        b.Case.Stage.ShouldBe(PenaltyStage.Investigating);
        b.Case.CurrentReview!.ReturnReasons.ShouldBe("事实清楚，证据合法充分：缺少进货凭证");
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-08")).ShouldFail("penalty.review_returned");

        b.Evidence("2024-03-08");
        b.Case.SubmitForReview(b.Ctx, P.ZhangActs, P.Zhao, P.D("2024-03-08")).ShouldSucceed();
        b.Case.CompleteReview(b.Ctx, P.ZhaoReviews, P.AllConfirmed(), null, P.D("2024-03-09")).Value.ShouldBe(ReviewOutcome.Passed);
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-10")).ShouldSucceed();
        b.Case.Reviews.Count.ShouldBe(2);
    }

    [Fact]
    public void Decide_WhenComplexCase_RequiresReviewThenCollectiveDiscussion()
    {
        var b = CaseBuilder.Filed(significance: new CaseSignificance { ComplexOrDifficult = true }).Notified("2024-03-05").Waived("2024-03-05");
        string[] heads = ["局长甲", "副局长乙", "副局长丙"];

        b.Case.RecordDiscussion(b.Ctx, P.Head, P.D("2024-03-06"), heads, "同意处罚").ShouldFail("penalty.review_required");
        b.Reviewed("2024-03-06");
        var error = b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-07"));
        error.ShouldFail("penalty.discussion_required");
        error!.Message.ShouldContain("第五十七条");

        b.Case.RecordDiscussion(b.Ctx, P.Head, P.D("2024-03-07"), ["局长甲"], "同意处罚").ShouldFail("penalty.discussion_participants_too_few");
        b.Case.RecordDiscussion(b.Ctx, P.Head, P.D("2024-03-07"), heads, "同意处罚").ShouldSucceed();
        b.Case.Stage.ShouldBe(PenaltyStage.CollectiveDiscussion);
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-08")).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenMajorViolationOnly_RequiresDiscussionButNotReview()
    {
        var b = CaseBuilder.Filed(significance: new CaseSignificance { MajorViolation = true }).Notified("2024-03-05").Waived("2024-03-05");

        b.Case.LegalReviewGrounds().ShouldBeEmpty();
        b.Case.CollectiveDiscussionGrounds().ShouldBe(["重大违法行为"]);
        b.Case.RecordDiscussion(b.Ctx, P.Head, P.D("2024-03-06"), ["局长甲", "副局长乙"], "同意").ShouldSucceed();
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-07")).ShouldSucceed();
    }

    [Fact]
    public void Evaluate_WhenAllConfirmed_Passes()
    {
        LegalReviewTask.Evaluate(P.AllConfirmed()).Value.ShouldBe(ReviewOutcome.Passed);
        Enum.GetValues<ReviewChecklistItem>().Length.ShouldBe(9);
    }
}
