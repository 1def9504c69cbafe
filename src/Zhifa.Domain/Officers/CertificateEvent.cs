namespace Zhifa.Domain.Officers;

/// <summary>One step of a certificate's life, kept forever: the officer row shows the current state, these show how it got there.</summary>
public sealed class CertificateEvent
{
    public long Id { get; private set; }
    public long OfficerId { get; private set; }
    public CertificateEventKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }

    private CertificateEvent() { }

    public CertificateEvent(long officerId, CertificateEventKind kind, DateOnly on, string? reason,
        DateTimeOffset recordedAt, string? recordedBy)
    {
        OfficerId = officerId;
        Kind = kind;
        On = on;
        Reason = reason;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }
}
