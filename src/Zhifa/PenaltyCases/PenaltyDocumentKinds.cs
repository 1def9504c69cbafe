using Zhifa.Documents;
using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.PenaltyCases;

/// <summary>
/// The documents of a case (ADR-005, ADR-013) as the API names them, and when each can be generated: the 立案审批表 from
/// filing, the 事先告知书 once notified (the current notice), the 听证通知书 once a hearing is scheduled, the 处罚决定书 once
/// a penalty is decided or the 不予行政处罚决定书 once no penalty is, and the 送达回证 of either decision. A summary-procedure
/// case has only its 当场行政处罚决定书, which carries the case number.
/// </summary>
public static class PenaltyDocumentKinds
{
    public static readonly IReadOnlyList<(string Route, DocumentKind Kind)> All =
    [
        ("filing-approval", DocumentKind.FilingApproval),
        ("penalty-notice", DocumentKind.PenaltyNotice),
        ("hearing-notice", DocumentKind.HearingNotice),
        ("penalty-decision", DocumentKind.PenaltyDecision),
        ("no-penalty-decision", DocumentKind.NoPenaltyDecision),
        ("service-receipt", DocumentKind.ServiceReceipt),
        ("summary-decision", DocumentKind.SummaryDecision),
    ];

    private static readonly DocumentKind[] SummaryKinds = [DocumentKind.SummaryDecision];

    /// <summary>
    /// The documents a case has, in the order of the procedure: the general procedure's five, with the 不予行政处罚决定书
    /// in place of the 处罚决定书 once no penalty is decided; the summary procedure's one.
    /// </summary>
    public static IEnumerable<(string Route, DocumentKind Kind)> For(PenaltyCase c)
    {
        if (c.Procedure == ProcedureType.Summary)
            return All.Where(k => SummaryKinds.Contains(k.Kind));
        var decision = c.Decision?.Outcome == PenaltyOutcome.NoPenalty ? DocumentKind.NoPenaltyDecision : DocumentKind.PenaltyDecision;
        return All.Where(k => !SummaryKinds.Contains(k.Kind) && (k.Kind is not (DocumentKind.PenaltyDecision or DocumentKind.NoPenaltyDecision) || k.Kind == decision));
    }

    /// <summary>The decision a case's 送达回证 lists.</summary>
    public static DocumentKind DecisionOf(PenaltyCase c) =>
        c.Decision?.Outcome == PenaltyOutcome.NoPenalty ? DocumentKind.NoPenaltyDecision : DocumentKind.PenaltyDecision;

    public static bool TryParse(string route, out DocumentKind kind)
    {
        var found = All.FirstOrDefault(k => k.Route == route);
        kind = found.Kind;
        return found.Route is not null;
    }

    public static string Route(DocumentKind kind) => All.First(k => k.Kind == kind).Route;

    /// <summary>Which document of its kind the case has now: the current notice's index for notices, 0 otherwise.</summary>
    public static int Item(PenaltyCase c, DocumentKind kind) =>
        kind is DocumentKind.PenaltyNotice or DocumentKind.HearingNotice ? Math.Max(0, c.Notices.Count - 1) : 0;

    public static bool Available(PenaltyCase c, DocumentKind kind) => c.Procedure == ProcedureType.Summary
        ? kind == DocumentKind.SummaryDecision
        : kind switch
        {
            DocumentKind.FilingApproval => true,
            DocumentKind.PenaltyNotice => c.CurrentNotice is not null,
            DocumentKind.HearingNotice => c.CurrentNotice?.Hearing is not null,
            DocumentKind.PenaltyDecision => c.Decision?.Outcome == PenaltyOutcome.Penalty,
            DocumentKind.NoPenaltyDecision => c.Decision?.Outcome == PenaltyOutcome.NoPenalty,
            DocumentKind.ServiceReceipt => c.Decision is not null,
            _ => false,
        };
}
