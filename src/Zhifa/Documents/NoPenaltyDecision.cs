namespace Zhifa.Documents;

/// <summary>Why no penalty is given, as the 不予行政处罚决定书 states it.</summary>
public enum NoPenaltyBasis
{
    /// <summary>An entry of the published 免罚清单: 首违不罚 or 轻微不罚 (第三十三条第一款).</summary>
    ExemptionMinor,

    /// <summary>An entry of the published 免罚清单: no subjective fault (第三十三条第二款).</summary>
    ExemptionNoFault,

    /// <summary>违法事实不能成立 (第五十七条第一款第三项).</summary>
    FactsNotEstablished,

    /// <summary>Another ground the law gives (第三十条、第三十一条 …), named in the reason (第五十七条第一款).</summary>
    OtherLegalGround,
}

/// <summary>What a 不予行政处罚决定书 states: the case, the facts found, why no penalty is given and, when an exemption
/// applies, the published list entry and how the party was educated (行政处罚法 第三十三条第三款).</summary>
public sealed record NoPenaltyDecisionInput : InvestigatedCaseInput
{
    /// <summary>The provision the act broke; null when the facts are not established.</summary>
    public string? ViolatedProvision { get; init; }

    public required NoPenaltyBasis Basis { get; init; }

    /// <summary>The reason as the decision gives it.</summary>
    public required string Reason { get; init; }

    /// <summary>The exemption list entry (首违不罚：…), for an exemption.</summary>
    public string? ExemptionEntry { get; init; }

    /// <summary>教育记录: how the party was educated; required for an exemption.</summary>
    public string? EducationRecord { get; init; }

    public required DateOnly DecidedOn { get; init; }
}

/// <summary>
/// 不予行政处罚决定书: the decision not to penalise after investigation — an exemption of the published list with the
/// party educated (行政处罚法 第三十三条), facts not established (第五十七条第一款第三项) or another legal ground — with the
/// remedies (行政复议法 第二十条, 行政诉讼法 第四十六条).
/// </summary>
public static class NoPenaltyDecision
{
    public static byte[] Render(NoPenaltyDecisionInput input) => Build(input).ToArray();

    public static void Render(NoPenaltyDecisionInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(NoPenaltyDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var exemption = input.Basis is NoPenaltyBasis.ExemptionMinor or NoPenaltyBasis.ExemptionNoFault;
        if (exemption && (string.IsNullOrWhiteSpace(input.ExemptionEntry) || string.IsNullOrWhiteSpace(input.EducationRecord)))
            throw new ArgumentException("An exemption names its list entry and the education record.", nameof(input));

        var reason = input.Reason.TrimEnd('。');
        var builder = DocumentText.Start(input.Agency, input.Number, DocumentKind.NoPenaltyDecision)
            .AddParty(input.Party)
            .AddParagraph($"本局于{ChineseFormat.Date(input.FiledOn)}对当事人涉嫌{input.CaseCause}一案立案调查，现已调查终结。")
            .AddParagraph($"经查，{input.Facts.TrimEnd('。')}。");
        if (input.Evidence.Count > 0)
            builder.AddParagraph("上述事实，有以下证据证明：").AddItems(input.Evidence);

        var broke = string.IsNullOrWhiteSpace(input.ViolatedProvision) ? "" : $"当事人的上述行为违反了{input.ViolatedProvision}的规定，但";
        var article = input.Basis switch
        {
            NoPenaltyBasis.ExemptionMinor => "第三十三条第一款",
            NoPenaltyBasis.ExemptionNoFault => "第三十三条第二款",
            NoPenaltyBasis.FactsNotEstablished => "第五十七条第一款第三项",
            _ => "第五十七条第一款",
        };
        builder.AddParagraph(input.Basis switch
        {
            NoPenaltyBasis.FactsNotEstablished => $"本局认为，{reason}，违法事实不能成立。",
            _ when exemption => $"本局认为，{broke}{reason}，符合本机关公布的免罚清单所列“{input.ExemptionEntry!.TrimEnd('。')}”的情形。",
            _ => $"本局认为，{broke}{reason}。",
        });
        builder.AddParagraph($"依据{DocumentText.PenaltyLaw}{article}的规定，本局决定对当事人不予行政处罚。");
        if (exemption)
        {
            builder.AddParagraph(
                $"根据{DocumentText.PenaltyLaw}第三十三条第三款的规定，本局已对当事人进行教育：{input.EducationRecord!.TrimEnd('。')}。" +
                "当事人应当引以为戒，依法经营，再次违法的将依法处理。");
        }

        return builder
            .AddRemedies(input.Agency, "本决定书", "本决定", penalty: false)
            .AddSignature(input.Agency.Name, input.DecidedOn)
            .AddPageNumbers();
    }
}
