using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.PenaltyCases;

/// <summary>公示 of a general-procedure decision: its limit on the real calendar, the step's rules, late publication.</summary>
public class PublicationTests
{
    private static readonly PenaltyActor Admin = new("admin", PenaltyRoles.Admin, null);

    /// <summary>Decided on 2023-09-28, the eve of the 2023 Mid-Autumn and National Day holiday (09-29 … 10-06, with 10-07 and 10-08 made working days).</summary>
    private static CaseBuilder DecidedBeforeNationalDay() =>
        CaseBuilder.Filed("2023-09-20").Notified("2023-09-20").Waived("2023-09-20").Decided("2023-09-28");

    [Fact]
    public void PublicationDue_WhenDecidedBeforeTheNationalDayHoliday_CountsOnlyWorkingDaysIncludingTheMadeUpWeekend()
    {
        var due = PublicationRules.PublicationDue(P.Calendar, new PublicityRules(), P.D("2023-09-28"));

        due.Date.ShouldBe(P.D("2023-10-13")); // 10-07, 10-08 (调休), 10-09 … 10-13
        due.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void PublicationDue_WhenTheLimitFallsInAYearWithoutSchedule_IsProvisional()
    {
        var due = PublicationRules.PublicationDue(P.Calendar, new PublicityRules(), P.D("2026-12-28"));

        due.Date.ShouldBe(P.D("2027-01-06")); // Mon–Fri until the 2027 notice is loaded
        due.Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Deadlines_WhenDecided_ShowThePublicationLimitWithItsRuleUntilPublished()
    {
        var b = DecidedBeforeNationalDay();

        var deadlines = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2023-10-09"));

        deadlines.Select(d => d.Name).ShouldBe(["送达决定书期限", "公示处罚决定期限"]);
        var publication = deadlines[1];
        publication.Due.ShouldBe(P.D("2023-10-13"));
        publication.Rule.ShouldBe("国办发〔2018〕118号、行政处罚法 第四十八条");
        publication.ConfiguredValue.ShouldBe("决定之日起7个工作日");
        publication.Status.ShouldBe(DeadlineStatus.DueSoon);
        publication.PartyWindow.ShouldBeFalse();

        b.Case.Publish(P.Ctx("2023-10-09"), P.Head).ShouldSucceed();
        b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2023-10-09")).Select(d => d.Name).ShouldBe(["送达决定书期限"]);
    }

    [Fact]
    public void Deadlines_WithConfiguredWorkingDays_UseThem()
    {
        var b = DecidedBeforeNationalDay();

        var publication = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2023-09-28"), new PublicityRules { PenaltyDecisionWorkingDays = 5 })
            .Single(d => d.Name == "公示处罚决定期限");

        publication.Due.ShouldBe(P.D("2023-10-11"));
        publication.ConfiguredValue.ShouldBe("决定之日起5个工作日");
    }

    [Fact]
    public void Publish_OnTheLastDay_RecordsTheDayOnTimeWithoutMovingTheCase()
    {
        var b = DecidedBeforeNationalDay();

        b.Case.Publish(P.Ctx("2023-10-13"), P.Head).ShouldSucceed();

        b.Case.PublishedOn.ShouldBe(P.D("2023-10-13"));
        b.Case.PublicationDueOn.ShouldBe(P.D("2023-10-13"));
        b.Case.PublishedLate.ShouldBeFalse();
        b.Case.Stage.ShouldBe(PenaltyStage.Decided);
        b.Case.History[^1].Step.ShouldBe(PenaltyStep.Publish);
        b.Case.History[^1].From.ShouldBe(PenaltyStage.Decided);
    }

    [Fact]
    public void Publish_AfterTheLimit_IsAllowedButRecordedLate()
    {
        var b = DecidedBeforeNationalDay().Served("2023-10-09");

        b.Case.Publish(P.Ctx("2023-10-16"), Admin).ShouldSucceed();

        b.Case.PublishedOn.ShouldBe(P.D("2023-10-16"));
        b.Case.PublishedLate.ShouldBeTrue();
        b.Case.History[^1].UserName.ShouldBe("admin");
    }

    [Fact]
    public void Publish_BeforeADecision_IsRefusedNamingTheRule()
    {
        var b = CaseBuilder.Filed("2023-09-20").Notified("2023-09-20");

        var error = b.Case.Publish(P.Ctx("2023-09-28"), P.Head);

        error.ShouldFail("penalty.publish_no_decision");
        error!.Message.ShouldContain("国办发〔2018〕118号");
        b.Case.PublishedOn.ShouldBeNull();
    }

    [Fact]
    public void Publish_Twice_IsRefusedWithTheFirstDate()
    {
        var b = DecidedBeforeNationalDay();
        b.Case.Publish(P.Ctx("2023-10-09"), P.Head).ShouldSucceed();
        var history = b.Case.History.Count;

        var error = b.Case.Publish(P.Ctx("2023-10-10"), P.Head);

        error.ShouldFail("penalty.already_published");
        error!.Message.ShouldContain("2023-10-09");
        b.Case.PublishedOn.ShouldBe(P.D("2023-10-09"));
        b.Case.History.Count.ShouldBe(history);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("supervisor")]
    public void Publish_ByAnotherRole_IsRefused(string who)
    {
        var b = DecidedBeforeNationalDay();
        var actor = who == "officer" ? P.ZhangActs : P.Supervisor;

        b.Case.Publish(P.Ctx("2023-10-09"), actor).ShouldFail("penalty.wrong_role");
        b.Case.PublishedOn.ShouldBeNull();
    }

    [Fact]
    public void Publish_ByTheHeadOfAnotherAgency_IsRefused()
    {
        var b = DecidedBeforeNationalDay();

        b.Case.Publish(P.Ctx("2023-10-09"), new PenaltyActor("headB", PenaltyRoles.AgencyAdmin, P.OtherAgency)).ShouldFail("penalty.other_agency");
    }

    [Fact]
    public void AvailableSteps_OfTheHead_OfferPublishOnlyWhileTheDecisionIsUnpublished()
    {
        var b = CaseBuilder.Filed("2023-09-20").Notified("2023-09-20").Waived("2023-09-20");
        b.Case.AvailableSteps(P.Head).ShouldNotContain(PenaltyStep.Publish);

        b.Decided("2023-09-28");
        b.Case.AvailableSteps(P.Head).ShouldContain(PenaltyStep.Publish);
        b.Case.AvailableSteps(Admin).ShouldBe([PenaltyStep.Publish]);
        b.Case.AvailableSteps(P.ZhangActs).ShouldNotContain(PenaltyStep.Publish);

        b.Case.Publish(P.Ctx("2023-10-09"), P.Head).ShouldSucceed();
        b.Case.AvailableSteps(P.Head).ShouldNotContain(PenaltyStep.Publish);
        b.Case.AvailableSteps(Admin).ShouldBeEmpty();
    }
}
