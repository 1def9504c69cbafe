using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class PenaltyNamesTests
{
    [Fact]
    public void ToChinese_WhenAnyMemberOfTheModulesEnums_HasADistinctNameThatParsesBack()
    {
        RoundTrips<PenaltyStage>(PenaltyStageNames.ToChinese, PenaltyStageNames.TryParseChinese);
        RoundTrips<PenaltyStep>(PenaltyStepNames.ToChinese, PenaltyStepNames.TryParseChinese);
        RoundTrips<PenaltyKind>(PenaltyKindNames.ToChinese, PenaltyKindNames.TryParseChinese);
        RoundTrips<EvidenceKind>(EvidenceKindNames.ToChinese, EvidenceKindNames.TryParseChinese);
        RoundTrips<DiscretionLevel>(DiscretionLevelNames.ToChinese, DiscretionLevelNames.TryParseChinese);
        RoundTrips<ExemptionKind>(ExemptionKindNames.ToChinese, ExemptionKindNames.TryParseChinese);
        RoundTrips<ReviewChecklistItem>(LegalReviewNames.ToChinese, LegalReviewNames.TryParseChinese);
        RoundTrips<ReviewOutcome>(LegalReviewNames.ToChinese, LegalReviewNames.TryParseChinese);
        RoundTrips<PenaltyOutcome>(PenaltyDecisionNames.ToChinese, PenaltyDecisionNames.TryParseChinese);
        RoundTrips<NoPenaltyGround>(PenaltyDecisionNames.ToChinese, PenaltyDecisionNames.TryParseChinese);
        RoundTrips<ServiceMethod>(PenaltyDecisionNames.ToChinese, PenaltyDecisionNames.TryParseChinese);
        RoundTrips<PaymentArrangement>(ExecutionNames.ToChinese, ExecutionNames.TryParseChinese);
        RoundTrips<AppealKind>(ExecutionNames.ToChinese, ExecutionNames.TryParseChinese);
        RoundTrips<ClosingReason>(ExecutionNames.ToChinese, ExecutionNames.TryParseChinese);
        RoundTrips<DeadlineStatus>(DeadlineStatusNames.ToChinese, DeadlineStatusNames.TryParseChinese);
    }

    [Fact]
    public void RolesToChinese_WhenKnownRole_IsChinese()
    {
        PenaltyRoles.ToChinese(PenaltyRoles.Reviewer).ShouldBe("法制审核人员");
        PenaltyRoles.ToChinese(PenaltyRoles.Supervisor).ShouldBe("执法监督机构");
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static void RoundTrips<T>(Func<T, string> toChinese, TryParse<T> tryParse) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(toChinese).ToList();
        names.ShouldAllBe(n => !string.IsNullOrWhiteSpace(n));
        names.Distinct().Count().ShouldBe(names.Count, typeof(T).Name);
        foreach (var value in Enum.GetValues<T>())
        {
            tryParse(toChinese(value), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }
    }
}
