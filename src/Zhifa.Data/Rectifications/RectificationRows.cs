using Zhifa.Domain.Rectifications;

namespace Zhifa.Data.Rectifications;

/// <summary>
/// A 整改通知书 (V015, ADR-020): its number (year and sequence of the office's series), the agency, the issues to fix, the
/// deadline and the current state. The answers and decisions are <see cref="RectificationEventRow"/>s (append-only).
/// </summary>
public sealed class RectificationNoticeRow
{
    public const int MaxTextLength = 4000;

    public long Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";
    public long AgencyId { get; set; }
    public string Issues { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly Deadline { get; set; }
    public RectificationStatus Status { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>What a notice cites: an alert or a case-file review finding, with the label it had when cited.</summary>
public sealed class RectificationSourceRow
{
    public const string AlertKind = "Alert";
    public const string FindingKind = "Finding";

    public long NoticeId { get; set; }
    public string Kind { get; set; } = "";
    public long SourceId { get; set; }
    public string Label { get; set; } = "";
}

/// <summary>An answer of the agency, or the office's acceptance or return, with its text. Append-only.</summary>
public sealed class RectificationEventRow
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public RectificationAction Action { get; set; }
    public string Text { get; set; } = "";
    public string ActedBy { get; set; } = "";
    public DateTimeOffset ActedAt { get; set; }
}
