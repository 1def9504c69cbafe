namespace Zhifa.Documents;

/// <summary>The enforcement documents the platform generates, each numbered in its own series.</summary>
public enum DocumentKind
{
    FilingApproval,   // 立案审批表
    PenaltyNotice,    // 行政处罚事先告知书
    HearingNotice,    // 听证通知书
    PenaltyDecision,  // 行政处罚决定书
    ServiceReceipt,   // 送达回证
    SummaryDecision,  // 当场行政处罚决定书 (简易程序)
    NoPenaltyDecision, // 不予行政处罚决定书
}

public static class DocumentKinds
{
    /// <summary>
    /// The kind character of the document number (津东市监罚〔2023〕12号). Agencies vary (处罚告, 罚字, 处 …);
    /// these are short forms in common use. 告 is a suffix of 听告 (and 罚 of 当罚 and 不罚), so parsing tries the longer
    /// code first.
    /// See docs/decisions/ADR-005-enforcement-documents.md.
    /// </summary>
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.FilingApproval => "立",
        DocumentKind.PenaltyNotice => "告",
        DocumentKind.HearingNotice => "听告",
        DocumentKind.PenaltyDecision => "罚",
        DocumentKind.ServiceReceipt => "送",
        DocumentKind.SummaryDecision => "当罚",
        DocumentKind.NoPenaltyDecision => "不罚",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The document's title as printed on it.</summary>
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.FilingApproval => "立案审批表",
        DocumentKind.PenaltyNotice => "行政处罚事先告知书",
        DocumentKind.HearingNotice => "听证通知书",
        DocumentKind.PenaltyDecision => "行政处罚决定书",
        DocumentKind.ServiceReceipt => "送达回证",
        DocumentKind.SummaryDecision => "当场行政处罚决定书",
        DocumentKind.NoPenaltyDecision => "不予行政处罚决定书",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind whose code is <paramref name="code"/>, if any.</summary>
    public static bool TryFromCode(string code, out DocumentKind kind)
    {
        foreach (var k in Enum.GetValues<DocumentKind>())
        {
            if (k.Code() == code)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
