using Zhifa.Domain.Calendar;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class DecisionLimitTests
{
    private static DecisionInput Fine(string on) => new(P.D(on), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine], Fine = 1000m };

    [Fact]
    public void Decide_WhenOnTheLimitDay_IsAccepted()
    {
        // 2024-03-01 + 90 days = 2024-05-30, a Thursday.
        var b = CaseBuilder.Filed("2024-03-01").Notified("2024-03-05").Waived("2024-03-05");

        b.Case.DecisionLimit(P.Calendar, PenaltyRules.Default).ShouldBe(new Deadline(P.D("2024-05-30"), false));
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-05-30")).ShouldSucceed();
    }

    [Fact]
    public void Decide_WhenTheDayAfterTheLimit_IsRefusedNamingArticle60()
    {
        var b = CaseBuilder.Filed("2024-03-01").Notified("2024-03-05").Waived("2024-03-05");

        var error = b.Case.Decide(b.Ctx, P.Head, Fine("2024-05-31"));

        error.ShouldFail("penalty.decision_limit_passed");
        error!.Message.ShouldContain("2024-05-30");
        error.Message.ShouldContain("90日");
        error.Message.ShouldContain("第六十条");
        b.Case.Stage.ShouldBe(PenaltyStage.Notified);
    }

    [Fact]
    public void Decide_WhenLimitEndsOnNationalDay_MovesToTheNextWorkingDay()
    {
        // 2023-07-02 + 90 = 2023-09-30, a holiday; the next working day is Saturday 2023-10-07 (调休).
        var b = CaseBuilder.Filed("2023-07-02").Notified("2023-07-05").Waived("2023-07-05");

        b.Case.DecisionLimit(P.Calendar, PenaltyRules.Default).Date.ShouldBe(P.D("2023-10-07"));
        b.Case.Decide(b.Ctx, P.Head, Fine("2023-10-08")).ShouldFail("penalty.decision_limit_passed");
        b.Case.Decide(b.Ctx, P.Head, Fine("2023-10-07")).ShouldSucceed();
    }

    [Fact]
    public void ApproveExtension_WhenApprovedOnTheLimitDay_ExtendsTheLimit()
    {
        // 2024-03-01 + 120 = 2024-06-29, a Saturday: the limit moves to Monday 2024-07-01.
        var b = CaseBuilder.Filed("2024-03-01").Notified("2024-03-05").Waived("2024-03-05");

        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-05-30"), 30, "需检验检测").ShouldSucceed();

        b.Case.DecisionLimit(P.Calendar, PenaltyRules.Default).Date.ShouldBe(P.D("2024-07-01"));
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-07-02")).ShouldFail("penalty.decision_limit_passed");
        b.Case.Decide(b.Ctx, P.Head, Fine("2024-07-01")).ShouldSucceed();
    }

    [Fact]
    public void ApproveExtension_WhenTheLimitHasPassed_IsRefused()
    {
        var b = CaseBuilder.Filed("2024-03-01").Notified("2024-03-05");

        var error = b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-05-31"), 30, "需检验检测");

        error.ShouldFail("penalty.extension_too_late");
        b.Case.Extensions.ShouldBeEmpty();
    }

    [Fact]
    public void ApproveExtension_WhenLongerThanConfigured_IsRefused()
    {
        var b = CaseBuilder.Filed("2024-03-01");

        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-04-01"), 31, "案情复杂").ShouldFail("penalty.extension_days_invalid");
        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-04-01"), 0, "案情复杂").ShouldFail("penalty.extension_days_invalid");
        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-04-01"), 30, " ").ShouldFail("penalty.text_required");
        b.Case.ApproveExtension(b.Ctx, P.ZhangActs, P.D("2024-04-01"), 30, "案情复杂").ShouldFail("penalty.wrong_role");
    }

    [Fact]
    public void ApproveExtension_WhenApprovedTwice_AddsBoth()
    {
        var b = CaseBuilder.Filed("2024-03-01");

        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-05-20"), 30, "检验检测").ShouldSucceed();
        b.Case.ApproveExtension(b.Ctx, P.Head, P.D("2024-06-28"), 15, "补充鉴定").ShouldSucceed();

        b.Case.ExtensionDays.ShouldBe(45);
        b.Case.DecisionLimit(P.Calendar, PenaltyRules.Default).Date.ShouldBe(P.D("2024-07-15")); // 03-01 + 135 = 07-14, a Sunday
    }

    [Fact]
    public void Decide_WhenDateInTheFuture_IsRefused()
    {
        var b = CaseBuilder.Filed("2024-03-01").Notified("2024-03-05").Waived("2024-03-05");
        var tomorrowIsTheDecision = b.Ctx with { Clock = FakeClock.OnDay(P.D("2024-03-09")) };

        b.Case.Decide(tomorrowIsTheDecision, P.Head, Fine("2024-03-10")).ShouldFail("penalty.date_in_future");
    }
}
