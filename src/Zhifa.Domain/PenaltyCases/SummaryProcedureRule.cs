using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>简易程序: only a warning or a small fine may be decided on the spot.</summary>
public static class SummaryProcedureRule
{
    // 行政处罚法 第五十一条
    public static DomainError? Check(PenaltyTerms terms, PartyType party, PenaltyRules rules)
    {
        var other = terms.Kinds.Where(k => k is not (PenaltyKind.Warning or PenaltyKind.Fine)).ToList();
        if (other.Count > 0)
            return Guard.Error("summary_kind_not_allowed", $"简易程序只能当场给予警告或者罚款，不能给予{other.ToChinese()}（行政处罚法 第五十一条）");

        var limit = rules.SummaryFineLimitFor(party);
        if (terms.Fine is not { } fine || fine <= limit)
            return null;
        var statutory = PenaltyRules.Default.SummaryFineLimitFor(party);
        var sector = limit < statutory ? $"，本领域规定的上限低于法定的{Fmt.Yuan(statutory)}" : "";
        var who = party == PartyType.NaturalPerson ? "自然人" : "法人或者其他组织";
        return Guard.Error("summary_fine_over_limit",
            $"简易程序对{who}的罚款不得超过{Fmt.Yuan(limit)}{sector}，本案罚款{Fmt.Yuan(fine)}，应当适用普通程序（行政处罚法 第五十一条）");
    }
}
