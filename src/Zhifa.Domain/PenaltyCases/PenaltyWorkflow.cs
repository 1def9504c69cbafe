using Zhifa.Domain.Common;
using static Zhifa.Domain.PenaltyCases.PenaltyRoles;
using static Zhifa.Domain.PenaltyCases.PenaltyStage;
using static Zhifa.Domain.PenaltyCases.PenaltyStep;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>One row of the transition table: in stage <paramref name="From"/> (null = no case yet) the step leads to <paramref name="To"/>.</summary>
public sealed record PenaltyTransition(PenaltyStage? From, PenaltyStep Step, PenaltyStage To, IReadOnlyList<string> Roles);

/// <summary>
/// The one transition table of the penalty workflow. <see cref="PenaltyCase"/> asks it before every step;
/// the rules of the law are checked after it, by the case. Supervisors and administrators watch cases
/// but take no step in them, except that a system administrator may publish a decision (公示), as they may
/// withdraw one (ADR-008, ADR-016).
/// </summary>
public static class PenaltyWorkflow
{
    private static readonly PenaltyStage[] BeforeDecision = [Filed, Investigating, Notified, Hearing, LegalReview, CollectiveDiscussion];
    private static readonly PenaltyStage[] AfterService = [Served, Executing];
    private static readonly string[] Head = [AgencyAdmin];
    private static readonly string[] Handler = [Officer];
    private static readonly string[] HandlerOrHead = [Officer, AgencyAdmin];
    private static readonly string[] LegalReviewer = [Reviewer];
    private static readonly string[] Publisher = [AgencyAdmin, Admin];
    private static readonly PenaltyStage[] AfterDecision = [Decided, Served, Executing, Closed, Archived];

    public static IReadOnlyList<PenaltyTransition> Table { get; } =
    [
        Row(null, ApproveFiling, Filed, Head),
        Row(null, DecideOnTheSpot, Served, Handler),

        .. Stay(BeforeDecision, AssignOfficer, Head),
        .. Stay(BeforeDecision, RecordRecusal, Head),
        .. Stay(BeforeDecision, Classify, HandlerOrHead),
        .. Stay(BeforeDecision, ApproveExtension, Head),

        Row(Filed, RecordEvidence, Investigating, Handler),
        Row(Investigating, RecordEvidence, Investigating, Handler),
        Row(Investigating, Notify, Notified, Handler),
        Row(Notified, RecordStatement, Notified, Handler),
        Row(Notified, RecordWaiver, Notified, Handler),
        Row(Notified, RequestHearing, PenaltyStage.Hearing, Handler),
        Row(PenaltyStage.Hearing, ScheduleHearing, PenaltyStage.Hearing, HandlerOrHead),
        Row(PenaltyStage.Hearing, RecordHearing, PenaltyStage.Hearing, Handler),

        // From Investigating only after a returned review, when the notice already given still stands.
        .. To([Investigating, Notified, PenaltyStage.Hearing], SubmitForReview, LegalReview, Handler),
        Row(LegalReview, PassReview, LegalReview, LegalReviewer),
        Row(LegalReview, ReturnReview, Investigating, LegalReviewer),
        .. To([Investigating, Notified, PenaltyStage.Hearing, LegalReview], RecordDiscussion, CollectiveDiscussion, Head),
        // From Investigating only for 不予处罚, which needs no notice.
        .. To([Investigating, Notified, PenaltyStage.Hearing, LegalReview, CollectiveDiscussion], Decide, Decided, Head),

        Row(Decided, Serve, Served, Handler),
        .. To(AfterService, RecordPayment, Executing, Handler),
        .. To(AfterService, ApproveInstalments, Executing, Head),
        .. To(AfterService, ApproveDeferral, Executing, Head),
        .. Stay(AfterService, StartAppeal, Handler),
        .. Stay(AfterService, EndAppeal, Handler),

        // Before a decision only to transfer the case or revoke the filing; the case checks the reason.
        .. To([.. BeforeDecision, .. AfterService], Close, Closed, Head),
        Row(Closed, Archive, Archived, HandlerOrHead),

        // 公示 does not move the case; the case checks that it is a general-procedure decision not yet published.
        .. Stay(AfterDecision, Publish, Publisher),
    ];

    private static readonly Dictionary<(PenaltyStage?, PenaltyStep), PenaltyTransition> ByKey =
        Table.ToDictionary(t => (t.From, t.Step));

    /// <summary>The stage a step leads to, or why it is refused: out of order in this stage, or not for this role.</summary>
    public static Result<PenaltyStage> Check(PenaltyStage? from, PenaltyStep step, string role)
    {
        if (!ByKey.TryGetValue((from, step), out var transition))
        {
            return from is { } stage
                ? Error("step_out_of_order", $"案件处于「{stage.ToChinese()}」阶段，不能「{step.ToChinese()}」")
                : Error("step_out_of_order", $"新案件只能经「{ApproveFiling.ToChinese()}」或「{DecideOnTheSpot.ToChinese()}」开始，不能「{step.ToChinese()}」");
        }
        if (!transition.Roles.Contains(role))
        {
            var stageText = from is { } s ? $"案件处于「{s.ToChinese()}」阶段时，" : "";
            return Error("wrong_role",
                $"{stageText}「{step.ToChinese()}」须由{string.Join("或", transition.Roles.Select(PenaltyRoles.ToChinese))}办理，当前角色为{PenaltyRoles.ToChinese(role)}");
        }
        return transition.To;
    }

    /// <summary>The steps a role may take in a stage (null = starting a case), in table order: the buttons a page shows.</summary>
    public static IReadOnlyList<PenaltyStep> AvailableSteps(PenaltyStage? stage, string role) =>
        Table.Where(t => t.From == stage && t.Roles.Contains(role)).Select(t => t.Step).ToList();

    private static PenaltyTransition Row(PenaltyStage? from, PenaltyStep step, PenaltyStage to, string[] roles) => new(from, step, to, roles);

    private static IEnumerable<PenaltyTransition> To(PenaltyStage[] from, PenaltyStep step, PenaltyStage to, string[] roles) =>
        from.Select(f => Row(f, step, to, roles));

    private static IEnumerable<PenaltyTransition> Stay(PenaltyStage[] stages, PenaltyStep step, string[] roles) =>
        stages.Select(s => Row(s, step, s, roles));

    private static DomainError Error(string code, string message) => new($"penalty.{code}", message);
}
