namespace Zhifa.Rectifications;

/// <summary>
/// A new 整改通知书: the agency's code, the issues to fix, an optional deadline (yyyy-MM-dd; by default the configured
/// working days after today) and what it cites: ids of alerts and of case-file review findings of the agency.
/// </summary>
public sealed record IssueRectificationRequest(string? Agency, string? Issues, string? Deadline, long[]? AlertIds, long[]? FindingIds);

/// <summary>The agency's answer (what it changed), the office's opinion on acceptance, or its reason for returning.</summary>
public sealed record RectificationTextRequest(string? Text);

public sealed record RectificationSourceView(string Kind, string KindName, long Id, string Label);

public sealed record RectificationEventView(long Id, string Action, string ActionName, string Text, string ActedBy, DateTimeOffset ActedAt);

public sealed record RectificationSummary(long Id, string Number, string AgencyCode, string AgencyName, DateOnly IssuedOn, DateOnly Deadline,
    string Status, string StatusName, bool Overdue);

public sealed record RectificationView(long Id, string Number, string AgencyCode, string AgencyName, string Issues, DateOnly IssuedOn,
    DateOnly Deadline, string Status, string StatusName, bool Overdue, string IssuedBy, DateTimeOffset IssuedAt,
    IReadOnlyList<RectificationSourceView> Sources, IReadOnlyList<RectificationEventView> History, bool MayAnswer, bool MayDecide);
