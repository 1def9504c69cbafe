using Zhifa.Domain.CaseFileReviews;

namespace Zhifa.Domain.Tests.CaseFileReviews;

/// <summary>The sampler of 案卷评查 (ADR-017): a pure function of seed, candidates and rule.</summary>
public sealed class ReviewSamplerTests
{
    private static AgencyCandidates Agency(string code, int n) =>
        new(code, Enumerable.Range(1, n).Select(i => $"{code}-{i:D4}").ToList());

    private static SamplingRule Rule(int? count = null, decimal? ratio = null, int? minimum = null) =>
        SamplingRule.Create(count, ratio, minimum).Value;

    [Fact]
    public void SplitMix64_GivesTheReferenceSequence()
    {
        // Vigna's splitmix64.c from state 0.
        var r = new SplitMix64(0);
        r.Next().ShouldBe(0xE220A8397B1DCDAFUL);
        r.Next().ShouldBe(0x6E789E6AA1B965F4UL);
        r.Next().ShouldBe(0x06C45D188009454FUL);
    }

    [Fact]
    public void Fnv1a_GivesTheReferenceHashes()
    {
        SplitMix64.Fnv1a("").ShouldBe(0xCBF29CE484222325UL);
        SplitMix64.Fnv1a("a").ShouldBe(0xAF63DC4C8601EC8CUL);
    }

    [Fact]
    public void SameSeed_SameSample_WhateverTheOrderOfTheCandidates()
    {
        var a = Agency("AGA", 40);
        var shuffled = new AgencyCandidates("AGA", a.CaseNumbers.Reverse().Concat(a.CaseNumbers.Take(3)).ToList());

        var first = ReviewSampler.DrawOne(20240601, a, Rule(count: 5));
        var second = ReviewSampler.DrawOne(20240601, shuffled, Rule(count: 5));

        second.CaseNumbers.ShouldBe(first.CaseNumbers);
        second.CandidatesDigest.ShouldBe(first.CandidatesDigest);
        first.Candidates.ShouldBe(40);
        first.CaseNumbers.Distinct().Count().ShouldBe(5);
        first.CaseNumbers.ShouldAllBe(n => a.CaseNumbers.Contains(n));
    }

    [Fact]
    public void DifferentSeed_DifferentSample()
    {
        var a = Agency("AGA", 40);
        var samples = Enumerable.Range(1, 20).Select(s => string.Join(",", ReviewSampler.DrawOne(s, a, Rule(count: 5)).CaseNumbers)).ToList();
        samples.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void TheSampleIsPinned_SoARuntimeChangeCannotMoveIt()
    {
        // Computed independently (a Python transcription of ADR-017's algorithm); a change here means the samples of
        // recorded batches could no longer be re-derived.
        var sample = ReviewSampler.DrawOne(42, Agency("AGA", 10), Rule(count: 3));
        sample.CaseNumbers.ShouldBe(["AGA-0009", "AGA-0003", "AGA-0002"]);
    }

    [Theory]
    [InlineData(5, null, 0, 40, 5)]
    [InlineData(5, null, 0, 3, 3)]       // never more than there are
    [InlineData(2, null, 4, 40, 4)]      // raised to the minimum
    [InlineData(2, null, 4, 3, 3)]       // the minimum is capped by the candidates too
    [InlineData(null, 0.1, 0, 40, 4)]
    [InlineData(null, 0.1, 0, 41, 5)]    // a ratio rounds up
    [InlineData(null, 0.1, 0, 0, 0)]
    [InlineData(null, 0.05, 3, 20, 3)]   // 1 raised to 3
    [InlineData(null, 1.0, 0, 7, 7)]
    public void SizeFor_CountRatioAndMinimum(int? count, double? ratio, int minimum, int candidates, int expected)
    {
        Rule(count, ratio is null ? null : (decimal)ratio.Value, minimum).SizeFor(candidates).ShouldBe(expected);
        ReviewSampler.DrawOne(7, Agency("X", candidates), Rule(count, ratio is null ? null : (decimal)ratio.Value, minimum))
            .CaseNumbers.Count.ShouldBe(expected);
    }

    [Fact]
    public void EachAgencyHasItsOwnStream_AddingAnAgencyLeavesTheOthersAlone()
    {
        var alone = ReviewSampler.Draw(99, [Agency("AGA", 30)], Rule(count: 4));
        var together = ReviewSampler.Draw(99, [Agency("AGB", 30), Agency("AGA", 30)], Rule(count: 4));

        together.Single(s => s.AgencyCode == "AGA").CaseNumbers.ShouldBe(alone[0].CaseNumbers);
    }

    [Theory]
    [InlineData(null, null, 0, "review.sampling_mode")]
    [InlineData(3, 0.1, 0, "review.sampling_mode")]
    [InlineData(0, null, 0, "review.sampling_count")]
    [InlineData(null, 0.0, 0, "review.sampling_ratio")]
    [InlineData(null, 1.5, 0, "review.sampling_ratio")]
    [InlineData(null, 0.12345, 0, "review.sampling_ratio")]
    [InlineData(3, null, -1, "review.sampling_minimum")]
    public void Rule_RefusesWhatIsNotARule(int? count, double? ratio, int minimum, string code) =>
        SamplingRule.Create(count, ratio is null ? null : (decimal)ratio.Value, minimum).Error!.Code.ShouldBe(code);

    [Fact]
    public void NewSeed_StaysWithinTheJsonSafeRange()
    {
        for (var i = 0; i < 100; i++)
            ReviewSampler.NewSeed().ShouldBeInRange(0, ReviewSampler.MaxSeed);
    }
}
