namespace Zhifa.Documents;

/// <summary>How a document reaches the party.</summary>
public enum ServiceMethod
{
    Direct,     // 直接送达
    Left,       // 留置送达: refused, left with a witness present
    Entrusted,  // 委托送达
    Mail,       // 邮寄送达
    Electronic, // 电子送达, with the party's consent
}

/// <summary>What a 送达回证 records. Fields left null are written in by hand on service.</summary>
public sealed record ServiceReceiptInput
{
    public required DocumentNumber Number { get; init; }

    public required AgencyInfo Agency { get; init; }

    /// <summary>受送达人.</summary>
    public required PartyInfo Recipient { get; init; }

    public required IReadOnlyList<ServedDocument> Documents { get; init; }

    public required ServiceMethod Method { get; init; }

    public required string Place { get; init; }

    /// <summary>送达人: the serving officers.</summary>
    public required IReadOnlyList<OfficerInfo> Servers { get; init; }

    /// <summary>When served, if known when printing; otherwise blank for the servers to fill in.</summary>
    public DateTime? ServedAt { get; init; }

    /// <summary>见证人, for service left at the premises.</summary>
    public string? Witness { get; init; }

    public string? Remarks { get; init; }
}

/// <summary>送达回证: the documents served, how and where, with room for the recipient's and servers' signatures.</summary>
public static class ServiceReceipt
{
    private const string BlankTime = "年    月    日    时    分";

    public static byte[] Render(ServiceReceiptInput input) => Build(input).ToArray();

    public static void Render(ServiceReceiptInput input, Stream output) => Build(input).WriteTo(output);

    public static string ToChinese(this ServiceMethod method) => method switch
    {
        ServiceMethod.Direct => "直接送达",
        ServiceMethod.Left => "留置送达",
        ServiceMethod.Entrusted => "委托送达",
        ServiceMethod.Mail => "邮寄送达",
        ServiceMethod.Electronic => "电子送达",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    private static DocxBuilder Build(ServiceReceiptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Documents.Count == 0)
            throw new ArgumentException("A service receipt lists at least one document.", nameof(input));

        var servedAt = input.ServedAt is { } at ? ChineseFormat.DateTime(at) : BlankTime;
        var signHere = DocxCell.Of(new DocxLine(""), new DocxLine(""), new DocxLine(BlankTime, DocxAlign.Right)) with { Span = 3 };
        DocxRow Row(string label, string text) => DocxRow.Of(DocxCell.Label(label), DocxCell.Text(text) with { Span = 3 });

        var rows = new List<DocxRow>
        {
            Row("受送达人", input.Recipient.Name),
            DocxRow.Of(
                DocxCell.Label("送达文书名称及文号"),
                new DocxCell(input.Documents.Select(d => new DocxLine(d.ToString())).ToList()) { Span = 3 }),
            Row("送达地点", input.Place),
            Row("送达方式", input.Method.ToChinese()),
            DocxRow.Of(DocxCell.Label("受送达人签名或者盖章"), signHere) with { MinHeightCm = 2.6 },
            DocxRow.Of(DocxCell.Label("代收人签名或者盖章（注明与受送达人关系）"), signHere) with { MinHeightCm = 2.6 },
            DocxRow.Of(
                DocxCell.Label("送达人"),
                DocxCell.Text(string.Join("\n", input.Servers.Select(s => s.ToString()))),
                DocxCell.Label("送达时间"),
                DocxCell.Text(servedAt)) with { MinHeightCm = 1.6 },
            Row("见证人", input.Witness ?? ""),
            Row("备注", input.Remarks ?? "") with { MinHeightCm = 2.0 },
        };

        return DocumentText.Start(input.Agency, input.Number, DocumentKind.ServiceReceipt)
            .AddTable([3.4, 5.4, 2.4, 4.4], rows);
    }
}
