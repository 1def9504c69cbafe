using System.Reflection;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Tests.PenaltyCases;

namespace Zhifa.Domain.Tests.Alerts;

/// <summary>
/// <see cref="PenaltyCase.GroundsDecidedWithoutReview"/>, the cause of the alert 重大执法决定未经法制审核: the 第五十八条 grounds
/// that <see cref="PenaltyCase.Decide"/> checks, asked again of a decided case.
/// </summary>
public sealed class DecisionWithoutLegalReviewTests
{
    private static readonly CaseSignificance OnList = new() { OnMajorDecisionList = true };

    /// <summary>What an edit of the stored case outside the workflow does: the significance changes after the decision.</summary>
    private static void EditSignificance(PenaltyCase @case, CaseSignificance significance) =>
        typeof(PenaltyCase).GetField("<Significance>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(@case, significance);

    [Fact]
    public void GroundsDecidedWithoutReview_WhenDecidedWithoutGrounds_IsEmpty()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05").Decided("2024-03-06");

        b.Case.GroundsDecidedWithoutReview(false).ShouldBeEmpty();
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenAGroundIsRaisedAfterADecisionWithoutReview_NamesIt_UntilItIsLoweredAgain()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05").Decided("2024-03-06");

        EditSignificance(b.Case, OnList);
        b.Case.GroundsDecidedWithoutReview(false).ShouldBe(["属于本机关重大执法决定法制审核目录"]);

        EditSignificance(b.Case, CaseSignificance.None);
        b.Case.GroundsDecidedWithoutReview(false).ShouldBeEmpty();
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenTheReviewPassed_IsEmpty_WhateverTheGrounds()
    {
        var b = CaseBuilder.Filed(significance: OnList).Notified("2024-03-05").Waived("2024-03-05").Reviewed("2024-03-06").Decided("2024-03-07");

        b.Case.LegalReviewGrounds().ShouldNotBeEmpty();
        b.Case.GroundsDecidedWithoutReview(false).ShouldBeEmpty();
        EditSignificance(b.Case, OnList with { MajorPublicInterest = true });
        b.Case.GroundsDecidedWithoutReview(false).ShouldBeEmpty();
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenNotYetDecided_IsEmpty_EvenWithGroundsAndNoReview()
    {
        var b = CaseBuilder.Filed(significance: OnList).Notified("2024-03-05").Waived("2024-03-05");

        b.Case.LegalReviewGrounds().ShouldNotBeEmpty();
        b.Case.GroundsDecidedWithoutReview(false).ShouldBeEmpty();
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenThePowerIsListedAfterADecisionWithoutReview_NamesTheList_UntilItIsUnlisted()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05").Decided("2024-03-06");

        b.Case.Significance.OnMajorDecisionList.ShouldBeFalse();
        b.Case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: true).ShouldBe(["属于本机关重大执法决定法制审核目录"]);
        b.Case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: false).ShouldBeEmpty();
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenTheCaseIsMarkedAndThePowerListed_NamesTheListOnce_AndUnlistingKeepsTheMark()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05").Decided("2024-03-06");
        EditSignificance(b.Case, OnList);

        b.Case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: true).ShouldBe(["属于本机关重大执法决定法制审核目录"]);
        b.Case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: false).ShouldBe(["属于本机关重大执法决定法制审核目录"]);
    }

    [Fact]
    public void GroundsDecidedWithoutReview_WhenThePowerIsListedAndTheReviewPassed_IsEmpty()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05").Reviewed("2024-03-06").Decided("2024-03-07");

        b.Case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: true).ShouldBeEmpty();
    }
}
