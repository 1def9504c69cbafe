namespace Zhifa.Documents;

/// <summary>What a 行政处罚决定书 states (行政处罚法 第五十九条). The copy served on the party is unmasked.</summary>
public sealed record PenaltyDecisionInput : InvestigatedCaseInput
{
    /// <summary>The notice of the proposed penalty and when it was served.</summary>
    public required DocumentNumber NoticeNumber { get; init; }

    public required DateOnly NoticeServedOn { get; init; }

    /// <summary>Whether the notice told the party of a right to a hearing.</summary>
    public bool HearingRightNotified { get; init; }

    /// <summary>
    /// The party's statement, defence or hearing and the agency's assessment of it; null when the party raised
    /// nothing within the time allowed.
    /// </summary>
    public string? PartyResponse { get; init; }

    /// <summary>The provision broken: 《中华人民共和国食品安全法》第三十四条第十项.</summary>
    public required string ViolatedProvision { get; init; }

    /// <summary>What the act amounts to: 经营超过保质期的食品的违法行为.</summary>
    public required string Violation { get; init; }

    /// <summary>Why this penalty within the range (裁量理由, with the benchmark applied), as sentences; optional.</summary>
    public string? Discretion { get; init; }

    /// <summary>The provision the penalty rests on.</summary>
    public required string PenaltyBasis { get; init; }

    public required IReadOnlyList<PenaltyItem> Penalties { get; init; }

    /// <summary>Where money penalties are paid; required when a penalty is paid in money.</summary>
    public PaymentAccount? Payment { get; init; }

    public required DateOnly DecidedOn { get; init; }
}

/// <summary>
/// 行政处罚决定书: the party, facts and evidence, the hearing of the party, the legal assessment, the
/// penalties (amounts in capitals and figures), payment within fifteen days and the late-payment surcharge
/// (第六十七、七十二条), and the remedies: reconsideration within sixty days (行政复议法 第二十条) or a suit
/// within six months (行政诉讼法 第四十六条).
/// </summary>
public static class PenaltyDecision
{
    public static byte[] Render(PenaltyDecisionInput input) => Build(input).ToArray();

    public static void Render(PenaltyDecisionInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(PenaltyDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = DocumentText.Start(input.Agency, input.Number, DocumentKind.PenaltyDecision)
            .AddParty(input.Party)
            .AddParagraph($"本局于{ChineseFormat.Date(input.FiledOn)}对当事人涉嫌{input.CaseCause}一案立案调查，现已调查终结。")
            .AddParagraph($"经查，{input.Facts}")
            .AddParagraph("上述事实，有以下证据证明：")
            .AddItems(input.Evidence);

        var rights = input.HearingRightNotified ? "陈述、申辩和要求听证的权利" : "陈述、申辩的权利";
        var silence = input.HearingRightNotified ? "当事人在规定期限内未提出陈述、申辩意见，也未要求听证。" : "当事人在规定期限内未提出陈述、申辩意见。";
        builder
            .AddParagraph(
                $"本局于{ChineseFormat.Date(input.NoticeServedOn)}向当事人送达了《{DocumentKind.PenaltyNotice.Title()}》（{input.NoticeNumber}），" +
                $"告知当事人拟作出行政处罚的内容及事实、理由、依据，以及依法享有的{rights}。" +
                (string.IsNullOrWhiteSpace(input.PartyResponse) ? silence : input.PartyResponse))
            .AddParagraph($"本局认为，当事人的上述行为违反了{input.ViolatedProvision}的规定，构成{input.Violation}。");
        if (!string.IsNullOrWhiteSpace(input.Discretion))
            builder.AddParagraph(input.Discretion);
        builder
            .AddParagraph($"依据{input.PenaltyBasis}的规定，本局决定对当事人作出如下行政处罚：")
            .AddItems(DocumentText.Describe(input.Penalties));

        return builder
            .AddPayment(input.Penalties, input.Payment)
            .AddRemedies(input.Agency, "本决定书", "本行政处罚决定")
            .AddSignature(input.Agency.Name, input.DecidedOn)
            .AddPageNumbers();
    }
}
