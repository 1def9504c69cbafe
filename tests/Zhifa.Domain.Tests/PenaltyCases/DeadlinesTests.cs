using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class DeadlinesTests
{
    [Theory]
    [InlineData("2024-05-22", DeadlineStatus.Ok)]
    [InlineData("2024-05-23", DeadlineStatus.DueSoon)] // 5 working days before 05-30
    [InlineData("2024-05-30", DeadlineStatus.DueSoon)]
    [InlineData("2024-05-31", DeadlineStatus.Overdue)]
    public void Deadlines_WhenFiled_ShowTheDecisionLimitWithItsStatus(string today, DeadlineStatus status)
    {
        var b = CaseBuilder.Filed("2024-03-01");

        var deadline = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D(today)).ShouldHaveSingleItem();

        deadline.Name.ShouldBe("作出处罚决定期限");
        deadline.Due.ShouldBe(P.D("2024-05-30"));
        deadline.Rule.ShouldBe("行政处罚法 第六十条");
        deadline.ConfiguredValue.ShouldBe("立案之日起90日");
        deadline.Provisional.ShouldBeFalse();
        deadline.Status.ShouldBe(status);
    }

    [Fact]
    public void Deadlines_WhenExtended_ShowTheExtensionInTheConfiguredValue()
    {
        var b = CaseBuilder.Filed("2024-03-01");
        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-05-20"), 30, "检验检测").ShouldSucceed();

        var deadline = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2024-05-20")).ShouldHaveSingleItem();

        deadline.Due.ShouldBe(P.D("2024-07-01"));
        deadline.ConfiguredValue.ShouldBe("立案之日起90日，已批准延长30日");
    }

    [Fact]
    public void Deadlines_WhenLimitFallsInAYearWithoutSchedule_AreProvisional()
    {
        var b = CaseBuilder.Filed("2026-11-02");

        b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2026-11-02")).ShouldHaveSingleItem().Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Deadlines_WhenNotifiedWithHearingRight_ShowTheWindowUntilItPasses()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-27", 5000m);

        var deadlines = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2024-09-30"));
        deadlines.Select(d => d.Name).ShouldBe(["作出处罚决定期限", "陈述申辩和申请听证期限"]);
        deadlines[1].Due.ShouldBe(P.D("2024-10-10"));
        deadlines[1].Rule.ShouldBe("行政处罚法 第六十四条");
        deadlines[1].ConfiguredValue.ShouldBe("告知之日起5个工作日");
        deadlines[1].Status.ShouldBe(DeadlineStatus.DueSoon);
        deadlines.Select(d => d.PartyWindow).ShouldBe([false, true]);

        b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2024-10-11")).ShouldHaveSingleItem();
    }

    [Fact]
    public void Deadlines_WhenDecided_ShowTheServiceLimit()
    {
        var b = CaseBuilder.Filed("2024-09-20").Notified("2024-09-20").Waived("2024-09-20").Decided("2024-09-27");

        var deadlines = b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D("2024-09-27"));

        deadlines.Select(d => d.Name).ShouldBe(["送达决定书期限", "公示处罚决定期限"]); // PublicationTests has the second
        var deadline = deadlines[0];
        deadline.Due.ShouldBe(P.D("2024-10-12"));
        deadline.Rule.ShouldBe("行政处罚法 第六十一条");
    }

    [Fact]
    public void Deadlines_WhenServedWithAFine_ShowThePaymentLimitUntilPaid()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        var deadline = Execution(b, "2024-03-19").ShouldHaveSingleItem();
        deadline.Name.ShouldBe("缴纳罚款期限");
        deadline.Due.ShouldBe(P.D("2024-03-18"));
        deadline.ConfiguredValue.ShouldBe("送达之日起15日");
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);

        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-10"), 1000m, null).ShouldSucceed();
        Execution(b, "2024-03-19").ShouldBeEmpty();
    }

    [Fact]
    public void Deadlines_WhenInstalmentsApproved_ShowTheNextInstalment()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");
        b.Case.ApproveInstalments(b.Ctx, P.Head, P.D("2024-03-10"), [new(P.D("2024-04-15"), 600m), new(P.D("2024-05-15"), 400m)]).ShouldSucceed();
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-04-10"), 600m, null).ShouldSucceed();

        var deadline = Execution(b, "2024-04-11").ShouldHaveSingleItem();

        deadline.Due.ShouldBe(P.D("2024-05-15"));
        deadline.Rule.ShouldBe("行政处罚法 第六十六条");
        deadline.ConfiguredValue.ShouldBe("经批准分期缴纳，本期400.00元");
    }

    [Theory]
    [InlineData("2024-09-29", DeadlineStatus.Ok)] // a working Sunday, six working days before
    [InlineData("2024-09-30", DeadlineStatus.DueSoon)] // the fifth working day before 2024-10-12: 国庆 1–7 October are off
    [InlineData("2024-10-12", DeadlineStatus.DueSoon)]
    [InlineData("2024-10-13", DeadlineStatus.Overdue)]
    public void DeadlineStatusOn_WhenAskedOnADay_CountsWorkingDaysBeforeTheLimit(string today, DeadlineStatus expected)
    {
        PenaltyCase.DeadlineStatusOn(P.Calendar, PenaltyRules.Default, P.D("2024-10-12"), P.D(today)).ShouldBe(expected);
    }

    /// <summary>The deadlines but the publication limit, which these cases leave running (PublicationTests covers it).</summary>
    private static List<CaseDeadline> Execution(CaseBuilder b, string today) =>
        b.Case.Deadlines(P.Calendar, PenaltyRules.Default, P.D(today)).Where(d => d.Name != "公示处罚决定期限").ToList();
}
