namespace Zhifa.Data.PenaltyCases;

/// <summary>
/// A penalty case handled on the platform (table <c>penalty_cases</c>, ADR-007): keyed by its <c>cases</c> row, the
/// aggregate's full state as a JSON <see cref="Snapshot"/>, the columns lists filter and sort on, and the
/// <see cref="Version"/> every update must name (optimistic concurrency).
/// </summary>
public sealed class PenaltyCaseRow
{
    /// <summary>The id of the case's row in <c>cases</c>, which the statistics count.</summary>
    public long Id { get; set; }
    public long AgencyId { get; set; }
    public string Procedure { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Number { get; set; } = "";
    public string PartyName { get; set; } = "";

    /// <summary>行政处罚法 第六十条 limit while no decision is made; null afterwards.</summary>
    public DateOnly? DecisionLimitOn { get; set; }

    /// <summary>The earliest limit the agency is running against, as of the last step (the party's own windows excluded).</summary>
    public DateOnly? NextDeadlineOn { get; set; }
    public string? NextDeadlineName { get; set; }
    public long Version { get; set; }
    public string Snapshot { get; set; } = "";

    /// <summary>Facts only the documents print (party address, case source …), as JSON; not part of the aggregate.</summary>
    public string? Details { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A document number given to a case's document the first time it was generated, kept for every later copy.</summary>
public sealed class PenaltyCaseDocumentRow
{
    public long CaseId { get; set; }

    /// <summary>The document kind's name (FilingApproval, PenaltyNotice …).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Which one of its kind: the notice's index for notices and hearing notices, 0 otherwise.</summary>
    public int Item { get; set; }
    public string Number { get; set; } = "";
    public DateTimeOffset AllocatedAt { get; set; }
    public string AllocatedBy { get; set; } = "";
}

/// <summary>The last document number handed out per agency, year and kind (文号).</summary>
public sealed class DocumentSequenceRow
{
    public long AgencyId { get; set; }
    public int Year { get; set; }
    public string Kind { get; set; } = "";
    public int LastValue { get; set; }
}

/// <summary>A create request made with an <c>Idempotency-Key</c> and the response it got, replayed on a repeat (api.md).</summary>
public sealed class IdempotencyRow
{
    public string UserName { get; set; } = "";
    public string Key { get; set; } = "";
    public string Operation { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string Response { get; set; } = "";
    public long? ResourceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A legal review task of a penalty case (法制审核), projected from the case for the reviewer's task list and the
/// review statistics; the case's snapshot stays the source of truth.
/// </summary>
public sealed class LegalReviewRow
{
    public long CaseId { get; set; }

    /// <summary>1, 2 … in the order the case was submitted for review.</summary>
    public int Sequence { get; set; }
    public long AgencyId { get; set; }
    public long ReviewerOfficerId { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string Outcome { get; set; } = "";
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The checklist answers as JSON ([{"item","confirmed","reason"}]), once completed.</summary>
    public string? Items { get; set; }
}
