using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class SummaryProcedureTests
{
    private static SummaryInput OnTheSpot(decimal? fine, PenaltyParty? party = null, PenaltyKind[]? kinds = null) =>
        new(P.Agency, P.Power, party ?? P.Person, P.D("2024-03-01"), P.D("2024-03-01"), kinds ?? [PenaltyKind.Fine], fine,
            "占道经营", "《城市市容和环境卫生管理条例》第三十六条")
        { PartyStatement = "认可违法事实" };

    [Fact]
    public void DecideOnTheSpot_WhenNaturalPersonFinedExactly200_IsDecidedAndServedAtOnce()
    {
        var result = PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(200.00m), [P.Zhang, P.Li]);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var @case = result.Value;
        @case.Procedure.ShouldBe(ProcedureType.Summary);
        @case.Stage.ShouldBe(PenaltyStage.Served);
        @case.Decision!.Fine.ShouldBe(200m);
        @case.ServiceMethod.ShouldBe(ServiceMethod.AtAnnouncement);
        @case.CurrentNotice!.Statements.ShouldHaveSingleItem().Content.ShouldBe("认可违法事实");
        @case.History.ShouldHaveSingleItem().Step.ShouldBe(PenaltyStep.DecideOnTheSpot);
    }

    [Fact]
    public void DecideOnTheSpot_WhenNaturalPersonFined200Point01_IsRefusedWithAmountAndArticle()
    {
        var result = PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(200.01m), [P.Zhang, P.Li]);

        result.ShouldFail("penalty.summary_fine_over_limit");
        result.Error!.Message.ShouldContain("200.00元");
        result.Error.Message.ShouldContain("200.01元");
        result.Error.Message.ShouldContain("第五十一条");
    }

    [Theory]
    [InlineData(3000.00, true)]
    [InlineData(3000.01, false)]
    public void DecideOnTheSpot_WhenOrganisation_AllowsUpTo3000(decimal fine, bool allowed)
    {
        var result = PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(fine, P.Company), [P.Zhang, P.Li]);

        result.IsSuccess.ShouldBe(allowed, result.Error?.Message);
    }

    [Fact]
    public void DecideOnTheSpot_WhenSectorSetsALowerLimit_UsesItAndSaysSo()
    {
        var sector = P.Ctx(rules: PenaltyRules.Default with { SummaryFineLimitNaturalPerson = 50m });

        PenaltyCase.DecideOnTheSpot(sector, P.ZhangActs, OnTheSpot(50m), [P.Zhang, P.Li]).IsSuccess.ShouldBeTrue();
        var refused = PenaltyCase.DecideOnTheSpot(sector, P.ZhangActs, OnTheSpot(50.01m), [P.Zhang, P.Li]);
        refused.ShouldFail("penalty.summary_fine_over_limit");
        refused.Error!.Message.ShouldContain("50.00元");
        refused.Error.Message.ShouldContain("本领域");
    }

    [Fact]
    public void DecideOnTheSpot_WhenWarningOnly_NeedsNoFine()
    {
        PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(null, kinds: [PenaltyKind.Warning]), [P.Zhang, P.Li])
            .Value.Decision!.Terms!.Kinds.ShouldBe([PenaltyKind.Warning]);
    }

    [Fact]
    public void DecideOnTheSpot_WhenOtherPenaltyKind_IsRefused()
    {
        PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(null, kinds: [PenaltyKind.LicenceSuspension]), [P.Zhang, P.Li])
            .ShouldFail("penalty.summary_kind_not_allowed");
    }

    [Fact]
    public void DecideOnTheSpot_WhenOneOfficerOrWrongRole_IsRefused()
    {
        PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(100m), [P.Zhang]).ShouldFail("penalty.officers_too_few");
        PenaltyCase.DecideOnTheSpot(P.Ctx(), P.Head, OnTheSpot(100m), [P.Zhang, P.Li]).ShouldFail("penalty.wrong_role");
        PenaltyCase.DecideOnTheSpot(P.Ctx(), P.ZhangActs, OnTheSpot(100m), [P.Li, P.Wang]).ShouldFail("penalty.not_case_officer");
    }

    [Fact]
    public void DecideOnTheSpot_WhenPaidOnTheSpot_ClosesAndArchives()
    {
        var ctx = P.Ctx();
        var @case = PenaltyCase.DecideOnTheSpot(ctx, P.ZhangActs, OnTheSpot(100m), [P.Zhang, P.Li]).Value;

        @case.RecordPayment(ctx, P.ZhangActs, P.D("2024-03-01"), 100m, "当场收缴").ShouldSucceed();
        @case.Close(ctx, P.Head, P.D("2024-03-01"), ClosingReason.Executed, null).ShouldSucceed();
        @case.Archive(ctx, P.ZhangActs, P.D("2024-03-02")).ShouldSucceed();

        @case.Stage.ShouldBe(PenaltyStage.Archived);
    }

    [Fact]
    public void Validate_WhenSectorRaisesTheSummaryLimitAboveTheLaw_ReportsIt()
    {
        PenaltyRules.Default.Validate().ShouldBeEmpty();

        var errors = (PenaltyRules.Default with { SummaryFineLimitOrganisation = 5000m, DecisionDays = 0 }).Validate();

        errors.Select(e => e.Code).ShouldBe(["penalty_rules.not_positive", "penalty_rules.above_statute"], ignoreOrder: true);
        errors.ShouldContain(e => e.Message.Contains("第五十一条"));
    }
}
