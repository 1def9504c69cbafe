namespace Zhifa.Documents;

/// <summary>What a 行政处罚事先告知书 states. Deadlines are computed by the caller on the working-day calendar.</summary>
public sealed record PenaltyNoticeInput : InvestigatedCaseInput
{
    /// <summary>The provision broken: 《中华人民共和国食品安全法》第三十四条第十项.</summary>
    public required string ViolatedProvision { get; init; }

    /// <summary>The provision the penalty rests on: 《中华人民共和国食品安全法》第一百二十四条第一款第五项.</summary>
    public required string PenaltyBasis { get; init; }

    /// <summary>Why this penalty within the range (裁量理由, with the benchmark applied), as sentences; optional.</summary>
    public string? Discretion { get; init; }

    public required IReadOnlyList<PenaltyItem> Penalties { get; init; }

    /// <summary>Working days after receipt for a statement and defence (a sector rule; five in market regulation).</summary>
    public int StatementWorkingDays { get; init; } = 5;

    /// <summary>The last day for a statement and defence if served as planned.</summary>
    public required DateOnly StatementDeadline { get; init; }

    /// <summary>
    /// The last day to request a hearing (five working days after receipt, 行政处罚法 第六十四条第一项), or null when
    /// the proposed penalty gives no right to a hearing (第六十三条).
    /// </summary>
    public DateOnly? HearingRequestDeadline { get; init; }

    /// <summary>The case officers, named as contacts.</summary>
    public required IReadOnlyList<OfficerInfo> Officers { get; init; }

    public required DateOnly IssuedOn { get; init; }
}

/// <summary>
/// 行政处罚事先告知书: the proposed penalty with its facts, reasons and basis, and the party's rights to a
/// statement and defence and, where it applies, to a hearing (行政处罚法 第四十四、四十五、六十三、六十四条).
/// </summary>
public static class PenaltyNotice
{
    public static byte[] Render(PenaltyNoticeInput input) => Build(input).ToArray();

    public static void Render(PenaltyNoticeInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(PenaltyNoticeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var you = input.Party.You;
        var builder = DocumentText.Start(input.Agency, input.Number, DocumentKind.PenaltyNotice)
            .AddLine($"{input.Party.Name}：")
            .AddParagraph($"本局于{ChineseFormat.Date(input.FiledOn)}对{you}涉嫌{input.CaseCause}一案立案调查。经查，{input.Facts}")
            .AddParagraph("上述事实，有以下证据证明：")
            .AddItems(input.Evidence)
            .AddParagraph($"{you}的上述行为违反了{input.ViolatedProvision}的规定。");
        if (!string.IsNullOrWhiteSpace(input.Discretion))
            builder.AddParagraph(input.Discretion);
        builder
            .AddParagraph($"依据{input.PenaltyBasis}的规定，本局拟对{you}作出如下行政处罚：")
            .AddItems(DocumentText.Describe(input.Penalties))
            .AddParagraph(
                $"根据{DocumentText.PenaltyLaw}第四十四条、第四十五条的规定，{you}享有陈述、申辩的权利。" +
                $"{you}可以自收到本告知书之日起{ChineseFormat.Numeral(input.StatementWorkingDays)}个工作日内" +
                $"（截至{ChineseFormat.Date(input.StatementDeadline)}）向本局提出陈述、申辩意见；逾期未提出的，视为放弃此权利。");
        if (input.HearingRequestDeadline is { } hearing)
        {
            // 行政处罚法 第六十三、六十四条: the request is due within five working days of the notice.
            builder.AddParagraph(
                $"根据{DocumentText.PenaltyLaw}第六十三条、第六十四条的规定，{you}有权要求听证。" +
                $"{you}要求听证的，应当自收到本告知书之日起五个工作日内（截至{ChineseFormat.Date(hearing)}）向本局提出；" +
                "逾期未提出的，视为放弃听证权利。");
        }

        return builder
            .AddParagraph("特此告知。")
            .AddContact(input.Agency, input.Officers)
            .AddSignature(input.Agency.Name, input.IssuedOn)
            .AddPageNumbers();
    }
}
