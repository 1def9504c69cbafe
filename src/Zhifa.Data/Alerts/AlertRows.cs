using Zhifa.Domain.Alerts;

namespace Zhifa.Data.Alerts;

/// <summary>One alert (V011): opened when its cause is found, closed (never deleted) when the cause is gone.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    public long AgencyId { get; set; }
    public string RecordKey { get; set; } = "";
    public string RecordLabel { get; set; } = "";
    public long? CaseId { get; set; }
    public long? OfficerId { get; set; }
    public string Details { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>One training an officer attended (V011): the day, the hours (学时) and the course.</summary>
public sealed class OfficerTrainingRow
{
    public long Id { get; set; }
    public long OfficerId { get; set; }
    public DateOnly TrainedOn { get; set; }
    public decimal Hours { get; set; }
    public string Course { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
