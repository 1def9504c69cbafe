using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 当事人 of a penalty case, an owned value. An organisation's identifier, when given, must be a valid unified
/// social credit code; a natural person's is kept as given (a resident ID, or a passport for a foreigner).
/// </summary>
public sealed class PenaltyParty
{
    private PenaltyParty() { }

    public PartyType Type { get; private set; }
    public string Name { get; private set; } = "";
    public string? Identifier { get; private set; }

    public static Result<PenaltyParty> Create(PartyType type, string name, string? identifier = null)
    {
        if (Guard.Text(name, "当事人名称") is { } nameError)
            return nameError;
        var id = string.IsNullOrWhiteSpace(identifier) ? null : identifier.Trim();
        if (id is not null && type != PartyType.NaturalPerson)
        {
            var code = CreditCode.Create(id);
            if (!code.IsSuccess)
                return code.Error;
            id = code.Value.Value;
        }
        return new PenaltyParty { Type = type, Name = name.Trim(), Identifier = id };
    }
}

/// <summary>
/// What the handler and the agency head say about a case (标注案件情形): the grounds of 第五十七条 (collective
/// discussion) and 第五十八条 (legal review) that are judgements, not facts the platform can derive.
/// </summary>
public sealed record CaseSignificance
{
    // 行政处罚法 第五十八条(一): 涉及重大公共利益.
    public bool MajorPublicInterest { get; init; }

    // 行政处罚法 第五十八条(三) and 第五十七条: 案件情况疑难复杂、涉及多个法律关系 / 情节复杂.
    public bool ComplexOrDifficult { get; init; }

    // 行政处罚法 第五十七条: 对重大违法行为给予行政处罚.
    public bool MajorViolation { get; init; }

    // 行政处罚法 第五十八条(四): on the agency's own list of major enforcement decisions (重大执法决定法制审核目录).
    public bool OnMajorDecisionList { get; init; }

    public static CaseSignificance None { get; } = new();

    /// <summary>True when this lowers any flag that <paramref name="before"/> had raised.</summary>
    public bool LowersAnyOf(CaseSignificance before) =>
        (before.MajorPublicInterest && !MajorPublicInterest) || (before.ComplexOrDifficult && !ComplexOrDifficult)
        || (before.MajorViolation && !MajorViolation) || (before.OnMajorDecisionList && !OnMajorDecisionList);
}
