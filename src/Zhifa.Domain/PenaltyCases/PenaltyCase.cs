using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 行政处罚案件: one penalty case in the general (普通程序) or the summary procedure (简易程序), guarding the rules of
/// the Administrative Penalty Law. Every step asks <see cref="PenaltyWorkflow"/> first and then the named rules;
/// a refusal is a <see cref="DomainError"/> and changes nothing. Shaped for EF Core: private setters, child
/// collections in fields, owned values (<see cref="PenaltyParty"/>, <see cref="PenaltyDecision"/> …).
/// The steps are in the partial files PenaltyCase.*.cs, one per part of the procedure.
/// </summary>
public sealed partial class PenaltyCase
{
    private readonly List<PenaltyCaseOfficer> _officers = [];
    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<PenaltyNotice> _notices = [];
    private readonly List<LegalReviewTask> _reviews = [];
    private readonly List<CollectiveDiscussionRecord> _discussions = [];
    private readonly List<DecisionLimitExtension> _extensions = [];
    private readonly List<Payment> _payments = [];
    private readonly List<AppealPeriod> _appeals = [];
    private readonly List<PenaltyStepEntry> _history = [];
    private List<Instalment> _instalments = [];

    private PenaltyCase() { }

    public long Id { get; private set; }

    /// <summary>案号 (e.g. 津东市监罚〔2023〕12号), given by the numbering service of the agency and year.</summary>
    public string? Number { get; private set; }
    public long AgencyId { get; private set; }
    public long PowerId { get; private set; }
    public ProcedureType Procedure { get; private set; }
    public PenaltyStage Stage { get; private set; }
    public PenaltyParty Party { get; private set; } = null!;

    /// <summary>案情摘要 at filing (the facts of the on-the-spot decision in the summary procedure).</summary>
    public string CaseSummary { get; private set; } = "";
    public DateOnly ActOn { get; private set; }

    /// <summary>End of a continuing act (连续或者继续状态), from which the limitation runs.</summary>
    public DateOnly? ActEndedOn { get; private set; }
    public DateOnly DiscoveredOn { get; private set; }
    public DateOnly FiledOn { get; private set; }

    /// <summary>Involves life, health or financial security with harm: the 5-year limitation of 第三十六条.</summary>
    public bool SeriousHarm { get; private set; }
    public string FilingApprovedBy { get; private set; } = "";
    public CaseSignificance Significance { get; private set; } = CaseSignificance.None;
    public PenaltyDecision? Decision { get; private set; }
    public DateOnly? ServedOn { get; private set; }
    public ServiceMethod? ServiceMethod { get; private set; }

    /// <summary>The 第六十一条 date the service was measured against.</summary>
    public DateOnly? ServiceDueOn { get; private set; }

    /// <summary>Served after <see cref="ServiceDueOn"/>: accepted (the decision stands) but recorded for case-file review.</summary>
    public bool ServedLate { get; private set; }
    public PaymentArrangement Arrangement { get; private set; }
    public DateOnly? ArrangementApprovedOn { get; private set; }
    public string? ArrangementApprovedBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public ClosingReason? ClosingReason { get; private set; }
    public string? ClosingNote { get; private set; }
    public DateOnly? ArchivedOn { get; private set; }

    public IReadOnlyList<PenaltyCaseOfficer> Officers => _officers;
    public IReadOnlyList<EvidenceItem> Evidence => _evidence;
    public IReadOnlyList<PenaltyNotice> Notices => _notices;
    public IReadOnlyList<LegalReviewTask> Reviews => _reviews;
    public IReadOnlyList<CollectiveDiscussionRecord> Discussions => _discussions;
    public IReadOnlyList<DecisionLimitExtension> Extensions => _extensions;
    public IReadOnlyList<Payment> Payments => _payments;
    public IReadOnlyList<AppealPeriod> Appeals => _appeals;
    public IReadOnlyList<PenaltyStepEntry> History => _history;

    /// <summary>The approved instalments or deferred date; empty when the statutory date applies.</summary>
    public IReadOnlyList<Instalment> Instalments => _instalments;

    /// <summary>The notice the decision answers to: the latest one.</summary>
    public PenaltyNotice? CurrentNotice => _notices.Count == 0 ? null : _notices[^1];
    public LegalReviewTask? CurrentReview => _reviews.Count == 0 ? null : _reviews[^1];
    public bool HasPassedReview => CurrentReview?.Outcome == ReviewOutcome.Passed;
    public IEnumerable<PenaltyCaseOfficer> ActiveOfficers => _officers.Where(o => o.IsActive);
    public int ExtensionDays => _extensions.Sum(e => e.Days);

    /// <summary>A hearing was held with the party present, on any notice of the case.</summary>
    public bool HearingHeld => _notices.Any(n => n.Hearing?.WasHeld == true);

    /// <summary>行政处罚法 第五十八条: why legal review is required; empty when it is not.</summary>
    public IReadOnlyList<string> LegalReviewGrounds() => LegalReviewGrounds(Decision?.Discretion);

    /// <summary>The grounds when the case's power is (or is not) on its agency's 重大执法决定法制审核目录 now (ADR-022).</summary>
    public IReadOnlyList<string> LegalReviewGrounds(bool powerOnMajorDecisionList) => LegalReviewGrounds(Decision?.Discretion, powerOnMajorDecisionList);

    /// <summary>
    /// 行政处罚法 第五十八条 checked after the fact, by the rule <see cref="Decide"/> applies: the grounds that require legal
    /// review when the case has a decision (处罚 or 不予处罚) but no passed review; empty otherwise. The workflow refuses
    /// such a decision, so a non-empty answer means the case changed outside the workflow or the rule changed since
    /// (the alert 重大执法决定未经法制审核, ADR-015). <paramref name="powerOnMajorDecisionList"/> is whether the case's power
    /// is on its agency's 重大执法决定法制审核目录 now (ADR-022): a power listed after the decision makes the case major as
    /// if it had been marked, and unlisting it again takes that ground away (the case's own mark stays).
    /// </summary>
    public IReadOnlyList<string> GroundsDecidedWithoutReview(bool powerOnMajorDecisionList) =>
        Decision is null || HasPassedReview ? [] : LegalReviewGrounds(Decision.Discretion, powerOnMajorDecisionList);

    /// <summary>行政处罚法 第五十七条: why collective discussion is required; empty when it is not.</summary>
    public IReadOnlyList<string> CollectiveDiscussionGrounds() => LegalReviewRules.DiscussionGrounds(Significance);

    public Deadline DecisionLimit(WorkingDayCalendar calendar, PenaltyRules rules) =>
        DecisionRules.DecisionLimit(calendar, rules, FiledOn, ExtensionDays);

    /// <summary>The steps this actor may take now: the table's steps for the stage, if the actor may act on the case at all.</summary>
    public IReadOnlyList<PenaltyStep> AvailableSteps(PenaltyActor actor, PublicityRules? publicity = null) =>
        ActorMayAct(actor) is null
            ? PenaltyWorkflow.AvailableSteps(Stage, actor.Role)
                .Where(s => s != PenaltyStep.Publish || PublicationRefusal(publicity ?? new PublicityRules()) is null).ToList()
            : [];

    /// <summary>Sets the 案号 once; numbering per agency and year is the application's job.</summary>
    public DomainError? AssignNumber(string number)
    {
        if (Guard.Text(number, "案号") is { } error)
            return error;
        if (Number is not null)
            return Guard.Error("number_already_assigned", $"本案已有案号{Number}，不能更改");
        Number = number.Trim();
        return null;
    }

    private IReadOnlyList<string> LegalReviewGrounds(DiscretionAssessment? decided, bool powerOnMajorDecisionList = false)
    {
        var outside = CurrentNotice?.Discretion?.RequiresLegalReview == true || decided?.RequiresLegalReview == true;
        var significance = powerOnMajorDecisionList && !Significance.OnMajorDecisionList
            ? Significance with { OnMajorDecisionList = true }
            : Significance;
        return LegalReviewRules.ReviewGrounds(significance, HearingHeld, outside);
    }

    /// <summary>The table's verdict on the step, then whether this actor may act on this case.</summary>
    private Result<PenaltyStage> Begin(PenaltyStep step, PenaltyActor actor)
    {
        var next = PenaltyWorkflow.Check(Stage, step, actor.Role);
        if (!next.IsSuccess)
            return next;
        return ActorMayAct(actor) is { } error ? error : next;
    }

    /// <summary>
    /// The actor's agency is the case's; an officer must be an assigned officer who has not been recused (第四十三条). A system
    /// administrator belongs to no agency and acts on any case, but the table gives the role no step besides 公示.
    /// </summary>
    private DomainError? ActorMayAct(PenaltyActor actor)
    {
        if (actor.Role == PenaltyRoles.Admin)
            return null;
        if (actor.AgencyId != AgencyId)
            return Guard.Error("other_agency", "不能办理其他执法机关的案件");
        if (actor.Role != PenaltyRoles.Officer)
            return null;
        var officer = _officers.FirstOrDefault(o => o.OfficerId == actor.OfficerId);
        return officer is null
            ? Guard.Error("not_case_officer", $"{actor.UserName}不是本案的承办执法人员，不能办理本案")
            : OfficerRules.NotRecused(officer);
    }

    private void Advance(PenaltyStep step, PenaltyStage to, PenaltyActor actor, DateTimeOffset at)
    {
        _history.Add(new PenaltyStepEntry(step, _history.Count == 0 ? null : Stage, to, actor.UserName, actor.Role, at));
        Stage = to;
    }
}
