using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// What a notice proposes or a decision imposes: the kinds of penalty, the fine, and the value confiscated.
/// Amounts are yuan with at most two decimals (分). An owned value of the case.
/// </summary>
public sealed class PenaltyTerms
{
    private List<PenaltyKind> _kinds = [];

    private PenaltyTerms() { }

    public IReadOnlyList<PenaltyKind> Kinds => _kinds;

    public decimal? Fine { get; private set; }

    /// <summary>Value of illegal gains or property confiscated; needed for the hearing right of 第六十三条.</summary>
    public decimal? ConfiscationValue { get; private set; }

    public static Result<PenaltyTerms> Create(IEnumerable<PenaltyKind> kinds, decimal? fine, decimal? confiscationValue)
    {
        var list = kinds.Distinct().Order().ToList();
        if (list.Count == 0)
            return Fail("terms_no_kind", "必须至少选择一种处罚种类");
        if (list.Contains(PenaltyKind.Fine) != fine.HasValue)
            return Fail("terms_fine_mismatch", fine.HasValue ? "填写了罚款金额，但处罚种类中没有罚款" : "处罚种类包含罚款，必须填写罚款金额");
        if (fine is { } f && Guard.Amount(f, "罚款金额") is { } fineError)
            return fineError;
        var confiscates = list.Any(k => k.IsConfiscation());
        if (confiscates != confiscationValue.HasValue)
            return Fail("terms_confiscation_mismatch", confiscates ? "处罚种类包含没收，必须填写没收金额或财物价值" : "填写了没收金额，但处罚种类中没有没收");
        if (confiscationValue is { } c && Guard.Amount(c, "没收金额或财物价值") is { } valueError)
            return valueError;
        return new PenaltyTerms { _kinds = list, Fine = fine, ConfiscationValue = confiscationValue };
    }

    /// <summary>行政处罚法 第四十五条: a decision may not be heavier than what the party was told (and heard on).</summary>
    public bool IsNoHeavierThan(PenaltyTerms notified) =>
        _kinds.All(notified._kinds.Contains)
        && (Fine ?? 0) <= (notified.Fine ?? 0)
        && (ConfiscationValue ?? 0) <= (notified.ConfiscationValue ?? 0);

    public string Describe()
    {
        var parts = new List<string> { Kinds.ToChinese() };
        if (Fine is { } f)
            parts.Add($"罚款{Fmt.Yuan(f)}");
        if (ConfiscationValue is { } c)
            parts.Add($"没收{Fmt.Yuan(c)}");
        return string.Join("，", parts);
    }

    private static DomainError Fail(string code, string message) => new($"penalty.{code}", message);
}
