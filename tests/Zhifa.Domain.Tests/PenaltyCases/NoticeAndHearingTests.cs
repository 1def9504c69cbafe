using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class NoticeAndHearingTests
{
    private static DecisionInput Fine(string on, decimal fine) => new(P.D(on), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine], Fine = fine };

    [Theory]
    [InlineData(5000.00, true)]
    [InlineData(4999.99, false)]
    public void Notify_WhenNaturalPersonFineAtOrBelowLargeAmount_GivesHearingRightOnlyFromTheThreshold(decimal fine, bool right)
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", fine);

        b.Case.CurrentNotice!.HearingRight.ShouldBe(right);
        b.Case.Stage.ShouldBe(PenaltyStage.Notified);
    }

    [Theory]
    [InlineData(100000.00, true)]
    [InlineData(99999.99, false)]
    public void Notify_WhenOrganisationFine_UsesTheOrganisationThreshold(decimal fine, bool right)
    {
        var b = CaseBuilder.Filed(party: P.Company).Notified("2024-03-05", fine);

        b.Case.CurrentNotice!.HearingRight.ShouldBe(right);
    }

    [Fact]
    public void Notify_WhenThresholdConfiguredLocally_UsesTheConfiguration()
    {
        var b = CaseBuilder.Filed(rules: PenaltyRules.Default with { LargeAmountNaturalPerson = 2000m }).Notified("2024-03-05", 2000m);

        b.Case.CurrentNotice!.HearingRight.ShouldBeTrue();
    }

    [Theory]
    [InlineData(PenaltyKind.LicenceRevocation, true)]
    [InlineData(PenaltyKind.ProductionSuspension, true)]
    [InlineData(PenaltyKind.PracticeRestriction, true)]
    [InlineData(PenaltyKind.Warning, false)]
    [InlineData(PenaltyKind.PublicCriticism, false)]
    public void Notify_WhenOtherPenaltyKind_GivesHearingRightForTheKindsOfArticle63(PenaltyKind kind, bool right)
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", null, [kind]);

        b.Case.CurrentNotice!.HearingRight.ShouldBe(right);
    }

    [Fact]
    public void Notify_WhenLargeConfiscation_GivesHearingRight()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-05");

        b.Case.Notify(b.Ctx, P.ZhangActs, new NoticeInput(P.D("2024-03-05"), [PenaltyKind.ConfiscationOfIllegalGains], null, 5000m, "事实", "依据"))
            .ShouldSucceed();

        b.Case.CurrentNotice!.HearingRight.ShouldBeTrue();
    }

    [Fact]
    public void Notify_WhenFineKindWithoutAmount_IsRefused()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-05");

        b.Case.Notify(b.Ctx, P.ZhangActs, new NoticeInput(P.D("2024-03-05"), [PenaltyKind.Fine], null, null, "事实", "依据"))
            .ShouldFail("penalty.terms_fine_mismatch");
        b.Case.Notify(b.Ctx, P.ZhangActs, new NoticeInput(P.D("2024-03-05"), [PenaltyKind.Fine], 100.001m, null, "事实", "依据"))
            .ShouldFail("penalty.amount_invalid");
    }

    [Fact]
    public void Notify_WhenNoticeCrossesNationalDay_WindowEndsOnTheFifthWorkingDay()
    {
        // 2024-09-29 (Sunday) is a working day; 10-01..10-07 are off: 09-29, 09-30, 10-08, 10-09, 10-10.
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 5000m);

        b.Case.CurrentNotice!.WindowEndsOn.ShouldBe(P.D("2024-10-10"));
        b.Case.CurrentNotice.RightsText.ShouldContain("2024-10-10");
    }

    [Fact]
    public void RequestHearing_WhenOnTheLastDayOfTheWindow_IsAcceptedAndTheDayAfterRefused()
    {
        var onTime = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 5000m);
        onTime.Case.RequestHearing(onTime.Ctx, P.ZhangActs, P.D("2024-10-10")).ShouldSucceed();
        onTime.Case.Stage.ShouldBe(PenaltyStage.Hearing);

        var late = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 5000m);
        var error = late.Case.RequestHearing(late.Ctx, P.ZhangActs, P.D("2024-10-11"));
        error.ShouldFail("penalty.hearing_request_late");
        error!.Message.ShouldContain("第六十四条");
        late.Case.Stage.ShouldBe(PenaltyStage.Notified);
    }

    [Fact]
    public void RequestHearing_WhenNoHearingRight_IsRefused()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", 4999.99m);

        b.Case.RequestHearing(b.Ctx, P.ZhangActs, P.D("2024-03-06")).ShouldFail("penalty.no_hearing_right");
    }

    [Fact]
    public void Decide_WhenWindowStillOpen_IsRefusedAndTheDayAfterAccepted()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 1000m);
        b.Case.RecordStatement(b.Ctx, P.ZhangActs, P.D("2024-09-30"), "初次违法，已整改").ShouldSucceed();

        var early = b.Case.Decide(b.Ctx, P.Head, Fine("2024-10-10", 800m));
        early.ShouldFail("penalty.statement_window_open");
        early!.Message.ShouldContain("第四十五、六十二条");

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-10-11", 800m)).ShouldSucceed();
        b.Case.Stage.ShouldBe(PenaltyStage.Decided);
        b.Case.CurrentNotice!.Statements.ShouldHaveSingleItem().Content.ShouldBe("初次违法，已整改");
    }

    [Fact]
    public void Decide_WhenPartyWaived_NeedNotWaitForTheWindow()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 1000m).Waived("2024-09-27");

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-09-29", 1000m)).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenNoNotice_IsRefused()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-20", 1000m)).ShouldFail("penalty.not_notified");
    }

    [Fact]
    public void Decide_WhenHeavierThanNotified_IsRefusedButLighterAccepted()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", 1000m).Waived("2024-03-05");

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-06", 1000.01m)).ShouldFail("penalty.heavier_than_notified");
        b.Case.Decide(b.Ctx, P.Head, new DecisionInput(P.D("2024-03-06"), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine, PenaltyKind.Warning], Fine = 500m })
            .ShouldFail("penalty.heavier_than_notified");
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-03-06", 500m)).ShouldSucceed();
        b.Case.Decision!.Fine.ShouldBe(500m);
    }

    [Fact]
    public void Decide_WhenHearingRequestedButNotHeld_IsRefused()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-23", 5000m);
        b.Case.RequestHearing(b.Ctx, P.ZhangActs, P.D("2024-09-26")).ShouldSucceed();

        b.Case.Decide(b.Ctx, P.Head, Fine("2024-11-01", 5000m)).ShouldFail("penalty.hearing_pending");
    }

    [Fact]
    public void ScheduleHearing_WhenExactlySevenWorkingDaysAcrossNationalDayToAnAdjustedSaturday_IsAccepted()
    {
        // Notice 2024-09-27: working days 09-29 (Sun, 调休), 09-30, 10-08, 10-09, 10-10, 10-11, 10-12 (Sat, 调休).
        var b = HearingRequested();

        b.Case.ScheduleHearing(b.Ctx, P.ZhangActs, Hearing("2024-09-27", "2024-10-12")).ShouldSucceed();

        b.Case.CurrentNotice!.Hearing!.HearingOn.ShouldBe(P.D("2024-10-12"));
    }

    [Fact]
    public void ScheduleHearing_WhenOneWorkingDayShort_IsRefusedWithTheEarliestDate()
    {
        var b = HearingRequested();

        var error = b.Case.ScheduleHearing(b.Ctx, P.ZhangActs, Hearing("2024-09-27", "2024-10-11"));

        error.ShouldFail("penalty.hearing_notice_too_late");
        error!.Message.ShouldContain("2024-10-12");
        error.Message.ShouldContain("第六十四条");
    }

    [Fact]
    public void ScheduleHearing_WhenChairInvestigatedTheCase_IsRefused()
    {
        var b = HearingRequested();

        b.Case.ScheduleHearing(b.Ctx, P.Head, Hearing("2024-09-27", "2024-10-14") with { ChairOfficerId = P.Li.OfficerId, ChairName = "李四" })
            .ShouldFail("penalty.hearing_chair_investigator");
        b.Case.ScheduleHearing(b.Ctx, P.Head, Hearing("2024-09-27", "2024-10-14") with { ChairOfficerId = null, ChairName = "张三" })
            .ShouldFail("penalty.hearing_chair_investigator");
    }

    [Fact]
    public void RecordHearing_WhenNotScheduled_IsRefused()
    {
        var b = HearingRequested();

        b.Case.RecordHearing(b.Ctx, P.ZhangActs, P.D("2024-10-14"), true, "听证笔录").ShouldFail("penalty.hearing_not_scheduled");
    }

    [Fact]
    public void RecordHearing_WhenHeldWithTheParty_MakesLegalReviewRequiredBeforeTheDecision()
    {
        var b = HearingRequested();
        b.Case.ScheduleHearing(b.Ctx, P.ZhangActs, Hearing("2024-09-27", "2024-10-14")).ShouldSucceed();
        b.Case.RecordHearing(b.Ctx, P.ZhangActs, P.D("2024-10-14"), true, "当事人申辩已整改").ShouldSucceed();

        b.Case.HearingHeld.ShouldBeTrue();
        var error = b.Case.Decide(b.Ctx, P.Head, Fine("2024-10-15", 5000m));
        error.ShouldFail("penalty.review_required");
        error!.Message.ShouldContain("经过听证程序");

        b.Reviewed("2024-10-15");
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-10-16", 5000m)).ShouldSucceed();
    }

    [Fact]
    public void RecordHearing_WhenPartyAbsent_SettlesTheRightWithoutRequiringReview()
    {
        var b = HearingRequested();
        b.Case.ScheduleHearing(b.Ctx, P.ZhangActs, Hearing("2024-09-27", "2024-10-14")).ShouldSucceed();
        b.Case.RecordHearing(b.Ctx, P.ZhangActs, P.D("2024-10-14"), false, "当事人无正当理由未到场，终止听证").ShouldSucceed();

        b.Case.HearingHeld.ShouldBeFalse();
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-10-15", 5000m)).ShouldSucceed();
    }

    private static CaseBuilder HearingRequested()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-23", 5000m);
        b.Case.RequestHearing(b.Ctx, P.ZhangActs, P.D("2024-09-26")).ShouldSucceed();
        return b;
    }

    private static HearingInput Hearing(string noticeOn, string hearingOn) => new(P.D(noticeOn), P.D(hearingOn), 301, "周法制", "第一听证室");
}
