namespace Zhifa.Documents;

/// <summary>
/// What a 当场行政处罚决定书 states (行政处罚法 第五十二条): the party, the act, the kind and basis of the penalty, the
/// fine, the time and place, the remedies and the agency, signed by the officers and handed to the party on the spot.
/// </summary>
public sealed record SummaryDecisionInput
{
    public required DocumentNumber Number { get; init; }

    public required AgencyInfo Agency { get; init; }

    public required PartyInfo Party { get; init; }

    /// <summary>The act found on the spot.</summary>
    public required string Facts { get; init; }

    /// <summary>The provision broken; null when the basis names it.</summary>
    public string? ViolatedProvision { get; init; }

    /// <summary>The provision the penalty rests on.</summary>
    public required string PenaltyBasis { get; init; }

    /// <summary>A warning or a fine within the limits of 第五十一条 (the case model checks them).</summary>
    public required IReadOnlyList<PenaltyItem> Penalties { get; init; }

    /// <summary>The party's statement and defence heard on the spot (第五十二条), if any.</summary>
    public string? PartyStatement { get; init; }

    /// <summary>Where a fine is paid; required when there is one.</summary>
    public PaymentAccount? Payment { get; init; }

    /// <summary>处罚地点, as written on the spot.</summary>
    public required string Place { get; init; }

    /// <summary>The officers who decided, with their certificates (出示执法证件).</summary>
    public required IReadOnlyList<OfficerInfo> Officers { get; init; }

    public required DateOnly DecidedOn { get; init; }
}

/// <summary>
/// 当场行政处罚决定书 of the summary procedure (行政处罚法 第五十一、五十二条): decided on the spot for a warning or a small
/// fine, after telling the party the facts, reasons, basis and the right to state and defend; a fine of at most 100 yuan
/// may be collected on the spot (第六十八条); otherwise it is paid as a decision's (第六十七、七十二条).
/// </summary>
public static class SummaryDecision
{
    /// <summary>第六十八条第一项: a fine of at most this many yuan may be collected on the spot.</summary>
    public const decimal OnTheSpotCollectionLimit = 100m;

    public static byte[] Render(SummaryDecisionInput input) => Build(input).ToArray();

    public static void Render(SummaryDecisionInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(SummaryDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = DocumentText.Start(input.Agency, input.Number, DocumentKind.SummaryDecision)
            .AddParty(input.Party)
            .AddParagraph($"经查，{input.Facts.TrimEnd('。')}。")
            .AddParagraph(
                "执法人员当场向当事人出示了执法证件，告知当事人拟作出行政处罚决定的事实、理由和依据，以及依法享有的陈述、申辩的权利。" +
                (string.IsNullOrWhiteSpace(input.PartyStatement)
                    ? "当事人未提出陈述、申辩意见。"
                    : $"当事人陈述、申辩：{input.PartyStatement.TrimEnd('。')}。执法人员已听取并复核。"));
        if (!string.IsNullOrWhiteSpace(input.ViolatedProvision))
            builder.AddParagraph($"当事人的上述行为违反了{input.ViolatedProvision}的规定。");
        builder
            .AddParagraph($"依据{input.PenaltyBasis}和{DocumentText.PenaltyLaw}第五十一条的规定，当场作出如下行政处罚决定：")
            .AddItems(DocumentText.Describe(input.Penalties));

        if (input.Penalties.OfType<FinePenalty>().FirstOrDefault() is { Fine: <= OnTheSpotCollectionLimit })
            builder.AddParagraph($"依据{DocumentText.PenaltyLaw}第六十八条第一项的规定，罚款可以由执法人员当场收缴，并向当事人出具专用票据。");
        builder.AddPayment(input.Penalties, input.Payment);

        return builder
            .AddRemedies(input.Agency, "本决定书", "本行政处罚决定")
            .AddParagraph($"处罚时间：{ChineseFormat.Date(input.DecidedOn)}")
            .AddParagraph($"处罚地点：{input.Place}")
            .AddParagraph($"执法人员：{string.Join("、", input.Officers.Select(o => o.ToString()))}")
            .AddParagraph("执法人员签名：＿＿＿＿＿＿＿＿　＿＿＿＿＿＿＿＿")
            .AddParagraph("当事人签收：＿＿＿＿＿＿＿＿　　年　　月　　日")
            .AddSignature(input.Agency.Name, input.DecidedOn)
            .AddPageNumbers();
    }
}
