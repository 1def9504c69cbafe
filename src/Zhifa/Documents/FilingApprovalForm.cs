namespace Zhifa.Documents;

/// <summary>What a 立案审批表 records: the case, the handlers' proposal and the approvals.</summary>
public sealed record FilingApprovalInput
{
    public required DocumentNumber Number { get; init; }

    public required AgencyInfo Agency { get; init; }

    /// <summary>案件来源: 监督检查, 投诉举报, 上级交办, 其他部门移送 ….</summary>
    public required string CaseSource { get; init; }

    /// <summary>When the lead was found or received.</summary>
    public required DateOnly SourceDate { get; init; }

    public required PartyInfo Party { get; init; }

    /// <summary>案由 without 涉嫌: 经营超过保质期的食品.</summary>
    public required string CaseCause { get; init; }

    /// <summary>简要案情及立案依据; each line is a paragraph.</summary>
    public required string BriefFacts { get; init; }

    /// <summary>The handlers' opinion, e.g. 建议立案调查; the handlers are the (at least two) case officers.</summary>
    public required string HandlerOpinion { get; init; }

    public required IReadOnlyList<OfficerInfo> Handlers { get; init; }

    public required DateOnly HandlerDate { get; init; }

    /// <summary>The head of the handling department, where the agency's procedure has that step.</summary>
    public ApprovalInfo? DepartmentApproval { get; init; }

    /// <summary>The agency head's decision (负责人审批).</summary>
    public required ApprovalInfo AgencyApproval { get; init; }

    public string? Remarks { get; init; }
}

/// <summary>立案审批表: a bordered form, filled in for the file; it carries no seal.</summary>
public static class FilingApprovalForm
{
    public static byte[] Render(FilingApprovalInput input) => Build(input).ToArray();

    public static void Render(FilingApprovalInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(FilingApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var party = input.Party;
        DocxRow Row(string label, DocxCell cell, double? height = null) =>
            DocxRow.Of(DocxCell.Label(label), cell with { Span = 4 }) with { MinHeightCm = height };

        var rows = new List<DocxRow>
        {
            DocxRow.Of(
                DocxCell.Label("案件来源"),
                DocxCell.Text(input.CaseSource) with { Span = 2 },
                DocxCell.Label("时间"),
                DocxCell.Text(ChineseFormat.Date(input.SourceDate))),
            DocxRow.Of(DocxCell.Label("当事人") with { RowSpan = 4 }, DocxCell.Label(party.NameLabel), DocxCell.Text(party.Name) with { Span = 3 }),
            DocxRow.Of(DocxCell.Label(party.IdLabel), DocxCell.Text(party.IdNumber) with { Span = 3 }),
            DocxRow.Of(DocxCell.Label(party.AddressLabel), DocxCell.Text(party.Address) with { Span = 3 }),
            party.IsPerson
                ? DocxRow.Of(DocxCell.Label("联系电话"), DocxCell.Text(party.Phone ?? "") with { Span = 3 })
                : DocxRow.Of(
                    DocxCell.Label(party.RepresentativeLabel),
                    DocxCell.Text(party.Representative ?? ""),
                    DocxCell.Label("联系电话"),
                    DocxCell.Text(party.Phone ?? "")),
            Row("案由", DocxCell.Text($"涉嫌{input.CaseCause}")),
            Row("简要案情及立案依据", DocxCell.Text(input.BriefFacts) with { Top = true }, 4.5),
            Row("承办人意见", Opinion(
                input.HandlerOpinion,
                "承办人：" + string.Join("  ", input.Handlers.Select(h => h.ToString())),
                input.HandlerDate), 3.2),
        };
        if (input.DepartmentApproval is { } department)
            rows.Add(Row("承办机构负责人意见", Opinion(department.Opinion, $"负责人：{department.Name}", department.Date), 2.6));
        rows.Add(Row("机关负责人审批意见", Opinion(input.AgencyApproval.Opinion, $"负责人：{input.AgencyApproval.Name}", input.AgencyApproval.Date), 2.6));
        rows.Add(Row("备注", DocxCell.Text(input.Remarks ?? ""), 1.6));

        return DocumentText.Start(input.Agency, input.Number, DocumentKind.FilingApproval)
            .AddTable([2.2, 3.4, 4.6, 2.4, 3.0], rows);
    }

    /// <summary>An opinion above, the signer and the date at the bottom right.</summary>
    private static DocxCell Opinion(string opinion, string signer, DateOnly date) =>
        new DocxCell(DocxBuilder.Lines(opinion).Select(l => new DocxLine(l))
            .Append(new DocxLine(signer, DocxAlign.Right))
            .Append(new DocxLine(ChineseFormat.Date(date), DocxAlign.Right))
            .ToList()) { Top = true };
}
