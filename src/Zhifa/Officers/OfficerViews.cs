using Zhifa.Domain.Officers;

namespace Zhifa.Officers;

public sealed record OfficerSummary(
    string CertificateNumber, string Name, string AgencyCode, string AgencyName, DateOnly IssuedOn,
    DateOnly? RevokedOn, DateOnly? SuspendedOn, string Status, bool IsLegalReviewer);

public sealed record CertificateEventView(string Kind, string KindName, DateOnly On, string? Reason, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record OfficerDetail(
    string CertificateNumber, string Name, string AgencyCode, string AgencyName, DateOnly IssuedOn,
    DateOnly? RevokedOn, string? RevocationReason, DateOnly? SuspendedOn, string Status, bool IsLegalReviewer,
    string? ResidentIdMasked, IReadOnlyList<CertificateEventView> History);

public static class OfficerText
{
    public static string Status(DateOnly? revokedOn, DateOnly? suspendedOn) =>
        revokedOn is not null ? "已注销" : suspendedOn is not null ? "暂扣" : "有效";

    public static string KindName(CertificateEventKind kind) => kind switch
    {
        CertificateEventKind.Issued => "发证",
        CertificateEventKind.Suspended => "暂扣",
        CertificateEventKind.Reinstated => "恢复",
        CertificateEventKind.Revoked => "注销",
        _ => kind.ToString(),
    };

    /// <summary>First 3 and last 4 characters, as published (个人信息保护法: only what is needed).</summary>
    public static string? Mask(string? residentId) =>
        residentId is { Length: 18 } r ? string.Concat(r.AsSpan(0, 3), new string('*', 11), r.AsSpan(14, 4)) : null;
}
