using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>裁量阶次 of a discretion benchmark.</summary>
public enum DiscretionLevel
{
    NoPenalty, // 不予处罚
    Mitigated, // 减轻处罚
    Lenient,   // 从轻处罚
    Ordinary,  // 一般处罚
    Severe,    // 从重处罚
}

public static class DiscretionLevelNames
{
    private static readonly ChineseNames<DiscretionLevel> Names = new(new()
    {
        [DiscretionLevel.NoPenalty] = "不予处罚",
        [DiscretionLevel.Mitigated] = "减轻处罚",
        [DiscretionLevel.Lenient] = "从轻处罚",
        [DiscretionLevel.Ordinary] = "一般处罚",
        [DiscretionLevel.Severe] = "从重处罚",
    });

    public static string ToChinese(this DiscretionLevel level) => Names.Of(level);

    public static bool TryParseChinese(string text, out DiscretionLevel level) => Names.TryParse(text, out level);
}

/// <summary>One tier of a benchmark: its fine range in yuan (inclusive) and the circumstances that put a case in it.</summary>
public sealed class DiscretionTier
{
    private DiscretionTier() { }

    internal DiscretionTier(DiscretionLevel level, decimal minFine, decimal maxFine, string circumstances)
    {
        Level = level;
        MinFine = minFine;
        MaxFine = maxFine;
        Circumstances = circumstances;
    }

    public long Id { get; private set; }
    public DiscretionLevel Level { get; private set; }
    public decimal MinFine { get; private set; }
    public decimal MaxFine { get; private set; }
    public string Circumstances { get; private set; } = "";
}

/// <summary>Input of one tier for <see cref="DiscretionBenchmark.Create"/>.</summary>
public sealed record DiscretionTierInput(DiscretionLevel Level, decimal MinFine, decimal MaxFine, string Circumstances);

/// <summary>
/// 行政处罚裁量权基准 for one penalty power (行政处罚法 第三十四条: benchmarks are set and published). A fine
/// inside the chosen tier's range is ordinary; outside it needs a written reason and makes legal review required.
/// </summary>
public sealed class DiscretionBenchmark
{
    private List<DiscretionTier> _tiers = [];

    private DiscretionBenchmark() { }

    public long Id { get; private set; }
    public long PowerId { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public IReadOnlyList<DiscretionTier> Tiers => _tiers;

    public static Result<DiscretionBenchmark> Create(long powerId, DateOnly publishedOn, IEnumerable<DiscretionTierInput> tiers)
    {
        var list = new List<DiscretionTier>();
        foreach (var t in tiers.OrderBy(t => t.Level))
        {
            if (list.Any(x => x.Level == t.Level))
                return Guard.Error("discretion_tier_duplicate", $"裁量基准中「{t.Level.ToChinese()}」阶次重复");
            if (Guard.Text(t.Circumstances, $"「{t.Level.ToChinese()}」阶次的适用情形") is { } textError)
                return textError;
            if (t.MinFine < 0 || t.MinFine > t.MaxFine || decimal.Round(t.MinFine, 2) != t.MinFine || decimal.Round(t.MaxFine, 2) != t.MaxFine)
                return Guard.Error("discretion_range_invalid",
                    $"「{t.Level.ToChinese()}」阶次的罚款幅度{Fmt.Yuan(t.MinFine)}至{Fmt.Yuan(t.MaxFine)}无效");
            if (t.Level == DiscretionLevel.NoPenalty && t.MaxFine != 0)
                return Guard.Error("discretion_range_invalid", "「不予处罚」阶次的罚款幅度只能为0元");
            list.Add(new DiscretionTier(t.Level, t.MinFine, t.MaxFine, t.Circumstances.Trim()));
        }
        if (list.Count == 0)
            return Guard.Error("discretion_no_tier", "裁量基准至少需要一个阶次");
        return new DiscretionBenchmark { PowerId = powerId, PublishedOn = publishedOn, _tiers = list };
    }

    /// <summary>
    /// 行政处罚法 第三十四条: checks a proposed or decided fine against the tier the handler chose. Outside the
    /// range it is accepted only with a written reason, and the assessment then requires legal review.
    /// </summary>
    public Result<DiscretionAssessment> Check(DiscretionLevel level, decimal fine, string? reasonIfOutside, DateOnly on)
    {
        if (PublishedOn > on)
            return Guard.Error("discretion_unpublished", $"裁量基准于{Fmt.Date(PublishedOn)}公布，{Fmt.Date(on)}尚不能适用（行政处罚法 第三十四条）");
        var tier = _tiers.FirstOrDefault(t => t.Level == level);
        if (tier is null)
            return Guard.Error("discretion_tier_unknown", $"本职权的裁量基准没有「{level.ToChinese()}」阶次（行政处罚法 第三十四条）");
        var within = fine >= tier.MinFine && fine <= tier.MaxFine;
        if (!within && string.IsNullOrWhiteSpace(reasonIfOutside))
            return Guard.Error("discretion_reason_required",
                $"罚款{Fmt.Yuan(fine)}超出「{level.ToChinese()}」阶次幅度{Fmt.Yuan(tier.MinFine)}至{Fmt.Yuan(tier.MaxFine)}，必须书面说明理由并经法制审核（行政处罚法 第三十四条）");
        return new DiscretionAssessment(Id, level, tier.MinFine, tier.MaxFine, within, within ? null : reasonIfOutside!.Trim());
    }
}

/// <summary>The outcome of a discretion check, kept on the notice and the decision (an owned value).</summary>
public sealed record DiscretionAssessment(long BenchmarkId, DiscretionLevel Level, decimal MinFine, decimal MaxFine, bool WithinRange, string? ReasonOutside)
{
    public bool RequiresLegalReview => !WithinRange;
}

/// <summary>The handler's choice of tier, given with a proposed or decided fine.</summary>
public sealed record DiscretionChoice(DiscretionBenchmark Benchmark, DiscretionLevel Level, string? ReasonIfOutside = null);
