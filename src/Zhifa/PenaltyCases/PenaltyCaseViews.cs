namespace Zhifa.PenaltyCases;

// What the API returns and the pages show. Each enumeration comes as its English name and its Chinese name
// (stage "Notified", stageName "告知"), amounts in yuan, dates as YYYY-MM-DD.

public sealed record NamedCode(string Code, string Name);

public sealed record PartyView(string Type, string TypeName, string Name, string? Identifier, string? Address, string? Phone, string? Representative);

public sealed record SignificanceView(bool MajorPublicInterest, bool ComplexOrDifficult, bool MajorViolation, bool OnMajorDecisionList);

public sealed record StageView(string Stage, string Name, bool Reached, bool Current);

public sealed record StepEntryView(string Step, string StepName, string? From, string To, string ToName, string UserName, string Role, DateTimeOffset At);

public sealed record CaseOfficerView(string? CertificateNumber, string Name, DateOnly AssignedOn, DateOnly? RecusedOn, string? RecusalReason, bool Active);

public sealed record EvidenceItemView(string Kind, string KindName, string Description, DateOnly CollectedOn, IReadOnlyList<string> Collectors,
    string? FileSha256, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record TermsView(IReadOnlyList<string> Kinds, IReadOnlyList<string> KindNames, decimal? Fine, decimal? ConfiscationValue, string Description);

public sealed record DiscretionView(long BenchmarkId, string Level, string LevelName, decimal MinFine, decimal MaxFine, bool WithinRange, string? ReasonOutside);

public sealed record HearingView(DateOnly NoticeSentOn, DateOnly HearingOn, string? Time, string ChairName, string Place, string? Clerk,
    DateOnly? HeldOn, bool? PartyAttended, string? Summary);

public sealed record StatementView(DateOnly StatedOn, string Content, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record NoticeView(DateOnly NotifiedOn, TermsView Terms, string Facts, string Basis, bool HearingRight, DateOnly WindowEndsOn,
    bool WindowProvisional, string RightsText, DiscretionView? Discretion, DateOnly? WaivedOn, DateOnly? HearingRequestedOn, HearingView? Hearing,
    IReadOnlyList<StatementView> Statements);

public sealed record ReviewItemView(string Item, string ItemName, bool Confirmed, string? Reason);

public sealed record ReviewView(int Sequence, string? ReviewerCertificateNumber, string ReviewerName, DateOnly SubmittedOn, string SubmittedBy,
    string Outcome, string OutcomeName, DateOnly? CompletedOn, string? Opinion, IReadOnlyList<ReviewItemView> Items);

public sealed record DiscussionView(DateOnly HeldOn, IReadOnlyList<string> Participants, string Conclusion, string RecordedBy);

public sealed record ExtensionView(DateOnly ApprovedOn, int Days, string Reason, string ApprovedBy);

public sealed record DecisionView(DateOnly DecidedOn, string Outcome, string OutcomeName, string DecidedBy, TermsView? Terms, DiscretionView? Discretion,
    string? NoPenaltyGround, string? NoPenaltyGroundName, string? NoPenaltyReason, long? ExemptionItemId, string? ExemptionKindName, string? EducationRecord);

/// <summary>
/// 公示 of a general-procedure decision: its limit (with the calendar's provisional flag and the rule), and once published
/// the day, whether it was late and who published it.
/// </summary>
public sealed record PublicationView(DateOnly DueOn, bool DueProvisional, string Rule, DateOnly? PublishedOn, bool Late, string? PublishedBy, string StatusName);

public sealed record ServiceView(DateOnly ServedOn, string Method, string MethodName, DateOnly DueOn, bool Late, string? Place);

public sealed record PaymentView(DateOnly PaidOn, decimal Amount, string? ReceiptNumber, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record InstalmentView(DateOnly DueOn, decimal Amount);

/// <summary>The fine as of today: what is due when, what was paid, the late-payment surcharge and what is still owed.</summary>
public sealed record ExecutionView(string Arrangement, string ArrangementName, DateOnly? ApprovedOn, string? ApprovedBy, IReadOnlyList<InstalmentView> Schedule,
    IReadOnlyList<PaymentView> Payments, decimal Paid, decimal Surcharge, decimal Outstanding);

public sealed record AppealView(string Kind, string KindName, DateOnly StartedOn, DateOnly? EndedOn, string Note);

public sealed record ClosingView(DateOnly ClosedOn, string Reason, string ReasonName, string? Note);

/// <summary>A limit with its rule and the configured value used (legal-rules.md: shown beside every deadline).</summary>
public sealed record DeadlineView(string Name, DateOnly Due, bool Provisional, string Rule, string ConfiguredValue, string Status, string StatusName);

/// <summary>A step the caller may take now: its name, and where to post it.</summary>
public sealed record AvailableStepView(string Step, string Name, string Path);

/// <summary>A document of the case: whether it can be generated now, its number once given, and where to download it.</summary>
public sealed record DocumentView(string Kind, string Title, bool Available, string? Number, string Url);

/// <summary>One penalty case in full (GET /api/v1/penalty-cases/{id}); <see cref="Version"/> is what the next step must name.</summary>
public sealed record PenaltyCaseView(
    long Id, string Number, long Version, NamedCode Agency, NamedCode Power, string Procedure, string ProcedureName, string Stage, string StageName,
    PartyView Party, string CaseSummary, string? CaseSource, string? CaseCause, DateOnly ActOn, DateOnly? ActEndedOn, DateOnly DiscoveredOn,
    DateOnly FiledOn, bool SeriousHarm, string FilingApprovedBy, SignificanceView Significance,
    IReadOnlyList<string> LegalReviewGrounds, IReadOnlyList<string> CollectiveDiscussionGrounds,
    IReadOnlyList<StageView> Stages, IReadOnlyList<StepEntryView> History, IReadOnlyList<CaseOfficerView> Officers,
    IReadOnlyList<EvidenceItemView> Evidence, IReadOnlyList<NoticeView> Notices, IReadOnlyList<ReviewView> Reviews,
    IReadOnlyList<DiscussionView> Discussions, IReadOnlyList<ExtensionView> Extensions, DecisionView? Decision, ServiceView? Service,
    ExecutionView? Execution, IReadOnlyList<AppealView> Appeals, ClosingView? Closing, DateOnly? ArchivedOn,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<AvailableStepView> AvailableSteps, IReadOnlyList<DocumentView> Documents)
{
    /// <summary>公示 of the decision (ADR-016): only for a general-procedure case once decided.</summary>
    public PublicationView? Publication { get; init; }

    /// <summary>The inspection whose 移交立案 the case was filed from (ADR-010, ADR-013), if any.</summary>
    public SourceInspectionView? SourceInspection { get; init; }
}

/// <summary>An inspection as a case names its source: id, number, date and where the API shows it.</summary>
public sealed record SourceInspectionView(long Id, string Number, DateOnly InspectedOn, string Url);

/// <summary>The earliest limit the agency runs against, with its status today.</summary>
public sealed record NextDeadlineView(string Name, DateOnly Due, string Status, string StatusName);

/// <summary>A row of the case list.</summary>
public sealed record PenaltyCaseListItem(long Id, string Number, string AgencyCode, string AgencyName, string Procedure, string ProcedureName,
    string Stage, string StageName, string PartyName, DateOnly FiledOn, DateOnly? DecisionLimitOn, NextDeadlineView? NextDeadline,
    IReadOnlyList<string> Officers, DateTimeOffset UpdatedAt, long Version);
