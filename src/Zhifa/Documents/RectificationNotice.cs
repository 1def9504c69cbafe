namespace Zhifa.Documents;

/// <summary>What a 整改通知书 says: its number, the office, the agency, the issues, what they were found in and the deadline.</summary>
public sealed record RectificationNoticeInput
{
    public required string Number { get; init; }

    /// <summary>The issuing supervision office, named under the notice.</summary>
    public required string OfficeName { get; init; }

    public required string AgencyName { get; init; }

    public required string Issues { get; init; }

    /// <summary>The alerts and review findings the notice cites, as labels.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required DateOnly IssuedOn { get; init; }

    public required DateOnly Deadline { get; init; }
}

/// <summary>整改通知书 (ADR-020): the office tells an agency what to fix, by when, and how to answer.</summary>
public static class RectificationNotice
{
    public static byte[] Render(RectificationNoticeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var doc = new DocxBuilder()
            .SetFileTitle($"整改通知书 {input.Number}")
            .AddTitle("整改通知书")
            .AddDocumentNumber(input.Number)
            .AddLine($"{input.AgencyName}：")
            .AddParagraph(input.Sources.Count > 0
                ? "经行政执法监督，发现你单位在行政执法工作中存在以下问题："
                : "经行政执法监督，发现你单位在行政执法工作中存在以下问题，现通知如下：");
        foreach (var line in input.Issues.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            doc.AddParagraph(line);
        if (input.Sources.Count > 0)
        {
            doc.AddParagraph("上述问题见于：");
            for (var i = 0; i < input.Sources.Count; i++)
                doc.AddParagraph($"{i + 1}．{input.Sources[i]}");
        }
        doc.AddParagraph($"请你单位认真核查，于{ChineseFormat.Date(input.Deadline)}前完成整改，并将整改情况书面回复{input.OfficeName}。" +
                         "逾期未整改或者整改不到位的，将依照有关规定予以通报。")
            .AddSignature(input.OfficeName, input.IssuedOn)
            .AddPageNumbers();
        return doc.ToArray();
    }
}
