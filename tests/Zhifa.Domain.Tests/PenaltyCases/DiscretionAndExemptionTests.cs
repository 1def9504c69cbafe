using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class DiscretionAndExemptionTests
{
    private static DiscretionBenchmark Benchmark(long powerId = P.Power) => DiscretionBenchmark.Create(powerId, P.D("2023-01-01"),
    [
        new(DiscretionLevel.NoPenalty, 0, 0, "首次违法且及时改正"),
        new(DiscretionLevel.Lenient, 1000, 3000, "主动消除危害后果"),
        new(DiscretionLevel.Ordinary, 3000, 7000, "一般情形"),
        new(DiscretionLevel.Severe, 7000, 10000, "拒不改正"),
    ]).Value;

    private static readonly ExemptionListItem FirstViolation = new(P.Power, ExemptionKind.FirstViolation, "首次违法、危害后果轻微并及时改正", P.D("2023-01-01"));

    [Theory]
    [InlineData(3000.00, true)]
    [InlineData(7000.00, true)]
    [InlineData(7000.01, false)]
    [InlineData(2999.99, false)]
    public void Check_WhenFineOnOrOutsideTheTierBounds_IsWithinOnlyInsideTheInclusiveRange(decimal fine, bool within)
    {
        var result = Benchmark().Check(DiscretionLevel.Ordinary, fine, "情节特殊", P.D("2024-03-01"));

        result.Value.WithinRange.ShouldBe(within);
        result.Value.RequiresLegalReview.ShouldBe(!within);
    }

    [Fact]
    public void Check_WhenOutsideTheRangeWithoutReason_IsRefused()
    {
        var result = Benchmark().Check(DiscretionLevel.Ordinary, 7500m, null, P.D("2024-03-01"));

        result.ShouldFail("penalty.discretion_reason_required");
        result.Error!.Message.ShouldContain("3000.00元至7000.00元");
    }

    [Fact]
    public void Check_WhenTierMissingOrBenchmarkNotYetPublished_IsRefused()
    {
        Benchmark().Check(DiscretionLevel.Mitigated, 500m, null, P.D("2024-03-01")).ShouldFail("penalty.discretion_tier_unknown");
        Benchmark().Check(DiscretionLevel.Ordinary, 5000m, null, P.D("2022-12-31")).ShouldFail("penalty.discretion_unpublished");
    }

    [Fact]
    public void Create_WhenTiersAreInvalid_IsRefused()
    {
        DiscretionBenchmark.Create(P.Power, P.D("2023-01-01"), [new(DiscretionLevel.Ordinary, 1, 2, "a"), new(DiscretionLevel.Ordinary, 3, 4, "b")])
            .ShouldFail("penalty.discretion_tier_duplicate");
        DiscretionBenchmark.Create(P.Power, P.D("2023-01-01"), [new(DiscretionLevel.Ordinary, 5, 4, "a")]).ShouldFail("penalty.discretion_range_invalid");
        DiscretionBenchmark.Create(P.Power, P.D("2023-01-01"), [new(DiscretionLevel.NoPenalty, 0, 100, "a")]).ShouldFail("penalty.discretion_range_invalid");
        DiscretionBenchmark.Create(P.Power, P.D("2023-01-01"), []).ShouldFail("penalty.discretion_no_tier");
    }

    [Fact]
    public void Notify_WhenFineOutsideTierWithReason_MakesLegalReviewRequired()
    {
        var choice = new DiscretionChoice(Benchmark(), DiscretionLevel.Ordinary, "涉案金额大，社会影响恶劣");
        var b = CaseBuilder.Filed().Notified("2024-03-05", 8000m, discretion: choice).Waived("2024-03-05");

        b.Case.CurrentNotice!.Discretion!.WithinRange.ShouldBeFalse();
        b.Case.LegalReviewGrounds().ShouldBe(["罚款超出裁量基准幅度"]);
        b.Case.Decide(b.Ctx, P.Head, Decision("2024-03-06", 8000m)).ShouldFail("penalty.review_required");
    }

    [Fact]
    public void Notify_WhenFineOutsideTierWithoutReason_IsRefused()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-05");
        var choice = new DiscretionChoice(Benchmark(), DiscretionLevel.Ordinary);

        b.Case.Notify(b.Ctx, P.ZhangActs, new NoticeInput(P.D("2024-03-05"), [PenaltyKind.Fine], 8000m, null, "事实", "依据", choice))
            .ShouldFail("penalty.discretion_reason_required");
        b.Case.Stage.ShouldBe(PenaltyStage.Investigating);
    }

    [Fact]
    public void Decide_WhenDecidedFineLeavesTheTier_RequiresReviewEvenIfTheNoticeWasInside()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", 5000m, discretion: new(Benchmark(), DiscretionLevel.Ordinary)).Waived("2024-03-05");
        var lower = Decision("2024-03-06", 2000m) with { Discretion = new(Benchmark(), DiscretionLevel.Ordinary, "当事人积极配合") };

        b.Case.Decide(b.Ctx, P.Head, lower).ShouldFail("penalty.review_required");
        b.Case.Decide(b.Ctx, P.Head, Decision("2024-03-06", 4000m) with { Discretion = new(Benchmark(), DiscretionLevel.Ordinary) }).ShouldSucceed();
        b.Case.Decision!.Discretion!.WithinRange.ShouldBeTrue();
    }

    [Fact]
    public void Notify_WhenBenchmarkOfAnotherPower_IsRefused()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-05");
        var choice = new DiscretionChoice(Benchmark(powerId: 99), DiscretionLevel.Ordinary);

        b.Case.Notify(b.Ctx, P.ZhangActs, new NoticeInput(P.D("2024-03-05"), [PenaltyKind.Fine], 5000m, null, "事实", "依据", choice))
            .ShouldFail("penalty.discretion_other_power");
    }

    [Fact]
    public void Decide_WhenExemptionWithEducationRecord_IsNoPenaltyWithoutNoticeAndClosesAsNotPenalised()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", "已当场进行法治宣传教育，当事人签字确认")).ShouldSucceed();
        b.Case.Decision!.Outcome.ShouldBe(PenaltyOutcome.NoPenalty);
        b.Case.Decision.ExemptionKind.ShouldBe(ExemptionKind.FirstViolation);
        b.Case.Decision.EducationRecord.ShouldBe("已当场进行法治宣传教育，当事人签字确认");

        b.Served("2024-03-06");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-07"), ClosingReason.Executed, null).ShouldFail("penalty.close_reason_not_allowed");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-07"), ClosingReason.NotPenalised, null).ShouldSucceed();
        b.Case.Stage.ShouldBe(PenaltyStage.Closed);
    }

    [Fact]
    public void Decide_WhenExemptionWithoutEducationRecord_IsRefusedNamingArticle33()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        var error = b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", null));

        error.ShouldFail("penalty.education_record_required");
        error!.Message.ShouldContain("首违不罚");
        error.Message.ShouldContain("第三十三条");
    }

    [Fact]
    public void Decide_WhenNoPenaltyIsIncomplete_IsRefused()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", "已教育") with { Exemption = null }).ShouldFail("penalty.exemption_item_required");
        b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", "已教育") with { Exemption = new(99, ExemptionKind.MinorViolation, "其他", P.D("2023-01-01")) })
            .ShouldFail("penalty.exemption_other_power");
        b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", "已教育") with { NoPenaltyGround = null }).ShouldFail("penalty.no_penalty_ground_required");
        b.Case.Decide(b.Ctx, P.Head, Exempt("2024-03-05", "已教育") with { Fine = 100m }).ShouldFail("penalty.decision_mixed");
        b.Case.Stage.ShouldBe(PenaltyStage.Investigating);
    }

    [Fact]
    public void Decide_WhenFactsNotEstablished_NeedsOnlyTheReason()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        b.Case.Decide(b.Ctx, P.Head, new DecisionInput(P.D("2024-03-05"), PenaltyOutcome.NoPenalty)
        {
            NoPenaltyGround = NoPenaltyGround.FactsNotEstablished,
            NoPenaltyReason = "现有证据不能证明当事人销售了过期食品",
        }).ShouldSucceed();
    }

    private static DecisionInput Decision(string on, decimal fine) => new(P.D(on), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine], Fine = fine };

    private static DecisionInput Exempt(string on, string? education) => new(P.D(on), PenaltyOutcome.NoPenalty)
    {
        NoPenaltyGround = NoPenaltyGround.Exemption,
        NoPenaltyReason = "首次违法，已于当日改正",
        Exemption = FirstViolation,
        EducationRecord = education,
    };
}
