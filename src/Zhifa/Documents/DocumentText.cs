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
        if (number.Kind != kind)
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
}
