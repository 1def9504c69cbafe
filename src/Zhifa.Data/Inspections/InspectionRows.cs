using Zhifa.Domain.Inspections;

namespace Zhifa.Data.Inspections;

/// <summary>
/// The detail of an inspection (table <c>inspections</c>), keyed by its case row: the <c>cases</c> row carries what
/// every statistic counts (agency, power, date, party, outcome, closing date) and <c>case_officers</c> the officers;
/// this row carries the rest. <see cref="Version"/> is bumped by every change, so a stale update is refused (409).
/// </summary>
public sealed class InspectionRow
{
    public long CaseId { get; set; }
    public string? PartyIdNumber { get; set; }
    public string? PartyIdAbsentReason { get; set; }
    public string? Location { get; set; }
    public string Findings { get; set; } = "";
    public InspectionResult Result { get; set; }
    public DateOnly? RectificationDeadline { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? RectificationNote { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public string? ReferredBy { get; set; }

    /// <summary>The penalty case the referral opened, as returned by the penalty-case module; null until one is opened.</summary>
    public long? PenaltyCaseId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An <c>Idempotency-Key</c> a caller sent with a recorded inspection (table <c>inspection_requests</c>): a repeat with
/// the same key by the same user returns the inspection it recorded and writes nothing. The hash of the request
/// tells a true repeat from a key reused for a different inspection.
/// </summary>
public sealed class InspectionRequestRow
{
    public string UserName { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public long CaseId { get; set; }
    public string RequestHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The last inspection number given out per agency and year (table <c>inspection_numbers</c>).</summary>
public sealed class InspectionNumberRow
{
    public long AgencyId { get; set; }
    public int Year { get; set; }
    public long LastSequence { get; set; }
}
