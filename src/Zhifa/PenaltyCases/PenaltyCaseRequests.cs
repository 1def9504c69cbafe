namespace Zhifa.PenaltyCases;

// The bodies of the penalty-case API; the pages bind the same records. Enumerations are given by their English
// name (NaturalPerson, Fine …) or their Chinese name (自然人, 罚款 …); officers by certificate number.

/// <summary>当事人. <see cref="Address"/>, <see cref="Phone"/> and <see cref="Representative"/> are printed on the documents only.</summary>
public sealed record PartyRequest
{
    public string? Type { get; init; }
    public string? Name { get; init; }

    /// <summary>统一社会信用代码 of an organisation, or a natural person's identity document number.</summary>
    public string? Identifier { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Representative { get; init; }
}

public sealed record SignificanceRequest
{
    public bool MajorPublicInterest { get; init; }
    public bool ComplexOrDifficult { get; init; }
    public bool MajorViolation { get; init; }
    public bool OnMajorDecisionList { get; init; }
}

/// <summary>The tier of a discretion benchmark chosen for a fine (行政处罚法 第三十四条).</summary>
public sealed record DiscretionRequest
{
    public long? BenchmarkId { get; init; }
    public string? Level { get; init; }
    public string? ReasonIfOutside { get; init; }
}

/// <summary>立案: the agency head approves the filing with at least two officers.</summary>
public sealed record FileCaseRequest
{
    public string? PowerCode { get; init; }
    public PartyRequest? Party { get; init; }
    public DateOnly? ActOn { get; init; }
    public DateOnly? ActEndedOn { get; init; }
    public DateOnly? DiscoveredOn { get; init; }
    public DateOnly? FiledOn { get; init; }
    public string? CaseSummary { get; init; }
    public bool SeriousHarm { get; init; }
    public SignificanceRequest? Significance { get; init; }
    public IReadOnlyList<string>? Officers { get; init; }

    /// <summary>案件来源 (监督检查, 投诉举报 …) and 案由, for the 立案审批表 and the notices.</summary>
    public string? CaseSource { get; init; }
    public string? CaseCause { get; init; }

    /// <summary>
    /// The referred inspection the case is filed from (移交立案 by an officer, filed by the head later; ADR-010, ADR-013):
    /// the inspection is linked to the case in the same transaction. Left out of the stored request when not given.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? InspectionId { get; init; }
}

/// <summary>简易程序: an officer decides a warning or a small fine on the spot with another officer.</summary>
public sealed record SummaryCaseRequest
{
    public string? PowerCode { get; init; }
    public PartyRequest? Party { get; init; }
    public DateOnly? ActOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public decimal? Fine { get; init; }
    public string? Facts { get; init; }
    public string? Basis { get; init; }
    public string? PartyStatement { get; init; }
    public IReadOnlyList<string>? Officers { get; init; }
}

/// <summary>Every step names the version of the case it was based on; a stale version is refused (409).</summary>
public abstract record StepRequest
{
    public long? Version { get; init; }
}

public sealed record AssignOfficerRequest : StepRequest
{
    public string? CertificateNumber { get; init; }
    public DateOnly? On { get; init; }
}

public sealed record RecordRecusalRequest : StepRequest
{
    public string? CertificateNumber { get; init; }
    public DateOnly? On { get; init; }
    public string? Reason { get; init; }
}

public sealed record ClassifyRequest : StepRequest
{
    public SignificanceRequest? Significance { get; init; }
}

public sealed record ApproveExtensionRequest : StepRequest
{
    public DateOnly? ApprovedOn { get; init; }
    public int? Days { get; init; }
    public string? Reason { get; init; }
}

public sealed record RecordEvidenceRequest : StepRequest
{
    public string? Kind { get; init; }
    public string? Description { get; init; }
    public DateOnly? CollectedOn { get; init; }
    public IReadOnlyList<string>? Collectors { get; init; }

    /// <summary>An uploaded evidence file of this case (POST /api/v1/cases/{id}/evidence) whose SHA-256 the item carries.</summary>
    public long? EvidenceFileId { get; init; }

    /// <summary>
    /// Uploaded evidence files of this case not yet attached to an item (photos, audio, video, documents): all are attached
    /// to this item, which carries the first one's SHA-256 when <see cref="EvidenceFileId"/> is not given (ADR-013).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<long>? EvidenceFileIds { get; init; }
}

public sealed record NotifyRequest : StepRequest
{
    public DateOnly? NotifiedOn { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public decimal? Fine { get; init; }
    public decimal? ConfiscationValue { get; init; }
    public string? Facts { get; init; }
    public string? Basis { get; init; }
    public DiscretionRequest? Discretion { get; init; }
}

public sealed record RecordStatementRequest : StepRequest
{
    public DateOnly? StatedOn { get; init; }
    public string? Content { get; init; }
}

public sealed record RecordWaiverRequest : StepRequest
{
    public DateOnly? WaivedOn { get; init; }
}

public sealed record RequestHearingRequest : StepRequest
{
    public DateOnly? RequestedOn { get; init; }
}

public sealed record ScheduleHearingRequest : StepRequest
{
    public DateOnly? NoticeSentOn { get; init; }
    public DateOnly? HearingOn { get; init; }

    /// <summary>The chair's certificate number when an officer of the platform; otherwise only <see cref="ChairName"/>.</summary>
    public string? ChairCertificateNumber { get; init; }
    public string? ChairName { get; init; }
    public string? Place { get; init; }

    /// <summary>Time of day (HH:mm, required) and clerk, printed on the 听证通知书.</summary>
    public string? Time { get; init; }
    public string? Clerk { get; init; }
}

public sealed record RecordHearingRequest : StepRequest
{
    public DateOnly? HeldOn { get; init; }
    public bool? PartyAttended { get; init; }
    public string? Summary { get; init; }
}

public sealed record SubmitReviewRequest : StepRequest
{
    public string? ReviewerCertificateNumber { get; init; }
    public DateOnly? SubmittedOn { get; init; }
}

public sealed record ReviewItemRequest
{
    public string? Item { get; init; }
    public bool? Confirmed { get; init; }
    public string? Reason { get; init; }
}

public sealed record CompleteReviewRequest : StepRequest
{
    public IReadOnlyList<ReviewItemRequest>? Items { get; init; }
    public string? Opinion { get; init; }
    public DateOnly? CompletedOn { get; init; }
}

public sealed record RecordDiscussionRequest : StepRequest
{
    public DateOnly? HeldOn { get; init; }
    public IReadOnlyList<string>? Participants { get; init; }
    public string? Conclusion { get; init; }
}

public sealed record DecideRequest : StepRequest
{
    public DateOnly? DecidedOn { get; init; }

    /// <summary>Penalty (给予行政处罚) or NoPenalty (不予行政处罚).</summary>
    public string? Outcome { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public decimal? Fine { get; init; }
    public decimal? ConfiscationValue { get; init; }
    public DiscretionRequest? Discretion { get; init; }
    public string? NoPenaltyGround { get; init; }
    public string? NoPenaltyReason { get; init; }
    public long? ExemptionItemId { get; init; }
    public string? EducationRecord { get; init; }
}

public sealed record ServeRequest : StepRequest
{
    public DateOnly? ServedOn { get; init; }
    public string? Method { get; init; }

    /// <summary>送达地点, printed on the 送达回证.</summary>
    public string? Place { get; init; }
}

public sealed record RecordPaymentRequest : StepRequest
{
    public DateOnly? PaidOn { get; init; }
    public decimal? Amount { get; init; }
    public string? ReceiptNumber { get; init; }
}

public sealed record InstalmentRequest
{
    public DateOnly? DueOn { get; init; }
    public decimal? Amount { get; init; }
}

public sealed record ApproveInstalmentsRequest : StepRequest
{
    public DateOnly? ApprovedOn { get; init; }
    public IReadOnlyList<InstalmentRequest>? Instalments { get; init; }
}

public sealed record ApproveDeferralRequest : StepRequest
{
    public DateOnly? ApprovedOn { get; init; }
    public DateOnly? NewDueOn { get; init; }
}

public sealed record StartAppealRequest : StepRequest
{
    public string? Kind { get; init; }
    public DateOnly? StartedOn { get; init; }
    public string? Note { get; init; }
}

public sealed record EndAppealRequest : StepRequest
{
    public DateOnly? EndedOn { get; init; }
}

public sealed record CloseRequest : StepRequest
{
    public DateOnly? ClosedOn { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
}

public sealed record ArchiveRequest : StepRequest
{
    public DateOnly? ArchivedOn { get; init; }
}

/// <summary>公示处罚决定: the publication date is today (the platform's clock), so only the version is sent.</summary>
public sealed record PublishRequest : StepRequest;
