namespace Zhifa.Documents;

/// <summary>The wording and blocks the enforcement documents share.</summary>
internal static class DocumentText
{
    public const string PenaltyLaw = "《中华人民共和国行政处罚法》";
    public const string ReconsiderationLaw = "《中华人民共和国行政复议法》";
    public const string LitigationLaw = "《中华人民共和国行政诉讼法》";

    /// <summary>The agency's name and the document's title centred, the number right-aligned below.</summary>
    public static DocxBuilder Start(AgencyInfo agency, DocumentNumber number, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(number);
        // A summary case numbered before the 当罚 series existed carries its decision's number in the 罚 series (ADR-013).
        if (number.Kind != kind && !(kind == DocumentKind.SummaryDecision && number.Kind == DocumentKind.PenaltyDecision))
            throw new ArgumentException($"A {kind} needs a number of its own series, not {number}.", nameof(number));
        return new DocxBuilder()
            .SetFileTitle($"{kind.Title()}（{number}）")
            .AddTitle(agency.Name)
            .AddTitle(kind.Title())
            .AddDocumentNumber(number.ToString());
    }

    /// <summary>
    /// Items as paragraphs: a single item ends with 。; several are numbered 1. 2. … and end with ；, the last with 。.
    /// </summary>
    public static DocxBuilder AddItems(this DocxBuilder builder, IReadOnlyList<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var text = items[i].TrimEnd('。', '；', ';', '，', ' ');
            var end = i == items.Count - 1 ? "。" : "；";
            builder.AddParagraph(items.Count == 1 ? text + end : $"{i + 1}.{text}{end}");
        }

        return builder;
    }

    /// <summary>The party's identification, one fact per line, as the head of a decision states it.</summary>
    public static DocxBuilder AddParty(this DocxBuilder builder, PartyInfo party)
    {
        builder.AddParagraph($"当事人：{party.Name}");
        builder.AddParagraph($"{party.IdLabel}：{party.IdNumber}");
        builder.AddParagraph($"{party.AddressLabel}：{party.Address}");
        if (!party.IsPerson && !string.IsNullOrWhiteSpace(party.Representative))
            builder.AddParagraph($"{party.RepresentativeLabel}：{party.Representative}");
        return builder;
    }

    /// <summary>Whom the party contacts: the case officers, the agency's phone and address.</summary>
    public static DocxBuilder AddContact(this DocxBuilder builder, AgencyInfo agency, IReadOnlyList<OfficerInfo> officers)
    {
        if (officers.Count > 0)
            builder.AddParagraph($"联系人：{string.Join("、", officers.Select(o => o.Name))}");
        builder.AddParagraph($"联系电话：{agency.Phone}");
        return builder.AddParagraph($"联系地址：{agency.Address}");
    }

    /// <summary>The penalties as items, for the notice and the decision.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<PenaltyItem> penalties)
    {
        if (penalties.Count == 0)
            throw new ArgumentException("A penalty document states at least one penalty.", nameof(penalties));
        return penalties.Select(p => p.Describe()).ToList();
    }

    /// <summary>
    /// How money penalties are paid: the total of several, payment within fifteen days of service into the account
    /// (第六十七条), the late-payment surcharge for a fine (第七十二条第一款第一项) and enforcement by the court. Nothing
    /// when no penalty is paid in money.
    /// </summary>
    public static DocxBuilder AddPayment(this DocxBuilder builder, IReadOnlyList<PenaltyItem> penalties, PaymentAccount? payment)
    {
        var amounts = penalties.Where(p => p.Amount is not null).ToList();
        if (amounts.Count == 0)
            return builder;
        var account = payment ?? throw new ArgumentException("A decision with a money penalty needs the payment account.", nameof(payment));

        if (amounts.Count > 1)
        {
            var total = amounts.Sum(p => p.Amount!.Value);
            builder.AddParagraph($"以上罚没款共计{ChineseFormat.RmbCapitals(total)}（{ChineseFormat.MoneyFigures(total)}）。");
        }

        // 行政处罚法 第六十七条: fifteen days from service.
        builder.AddParagraph(
            $"当事人应当自收到本决定书之日起十五日内，将罚没款缴至{account.Bank}（户名：{account.AccountName}；账号：{account.AccountNumber}）。");

        if (penalties.Any(p => p is FinePenalty))
        {
            // 行政处罚法 第七十二条第一款第一项: 3% of the fine per day, at most the fine itself.
            builder.AddParagraph(
                $"当事人到期不缴纳罚款的，本局将依据{PenaltyLaw}第七十二条第一款第一项的规定，" +
                "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。");
        }

        return builder.AddParagraph(
            "当事人逾期不申请行政复议、不提起行政诉讼，又不履行本行政处罚决定的，本局将依法申请人民法院强制执行。");
    }

    /// <summary>
    /// The remedies against a decision: reconsideration within sixty days (行政复议法 第二十条) or a suit within six months
    /// (行政诉讼法 第四十六条), and for a penalty that they do not suspend it (行政处罚法 第七十三条).
    /// </summary>
    public static DocxBuilder AddRemedies(this DocxBuilder builder, AgencyInfo agency, string document, string decision, bool penalty = true)
    {
        builder.AddParagraph(
            $"当事人如不服{decision}，可以依据{ReconsiderationLaw}第二十条的规定，自收到{document}之日起六十日内" +
            $"向{agency.ReconsiderationBody}申请行政复议；也可以依据{LitigationLaw}第四十六条的规定，" +
            $"自收到{document}之日起六个月内直接向{agency.Court}提起行政诉讼。");
        return penalty
            ? builder.AddParagraph($"根据{PenaltyLaw}第七十三条的规定，申请行政复议或者提起行政诉讼期间，{decision}不停止执行，法律另有规定的除外。")
            : builder;
    }
}
