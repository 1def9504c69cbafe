using Zhifa.Documents;
using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.PenaltyCases;

/// <summary>
/// The five documents of a general-procedure case (ADR-005) as the API names them, and when each can be generated:
/// the 立案审批表 from filing, the 事先告知书 once notified (the current notice), the 听证通知书 once a hearing is
/// scheduled, the 处罚决定书 and its 送达回证 once a penalty is decided. A summary-procedure case has none of them (its
/// decision is the 当场处罚决定书, not generated yet).
/// </summary>
public static class PenaltyDocumentKinds
{
    public static readonly IReadOnlyList<(string Route, DocumentKind Kind)> All =
    [
        ("filing-approval", DocumentKind.FilingApproval),
        ("penalty-notice", DocumentKind.PenaltyNotice),
        ("hearing-notice", DocumentKind.HearingNotice),
        ("penalty-decision", DocumentKind.PenaltyDecision),
        ("service-receipt", DocumentKind.ServiceReceipt),
    ];

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

    public static bool Available(PenaltyCase c, DocumentKind kind) => c.Procedure == ProcedureType.General && kind switch
    {
        DocumentKind.FilingApproval => true,
        DocumentKind.PenaltyNotice => c.CurrentNotice is not null,
        DocumentKind.HearingNotice => c.CurrentNotice?.Hearing is not null,
        DocumentKind.PenaltyDecision or DocumentKind.ServiceReceipt => c.Decision?.Outcome == PenaltyOutcome.Penalty,
        _ => false,
    };
}
