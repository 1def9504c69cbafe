using Zhifa.Domain.Common;

namespace Zhifa.Domain.Officers;

/// <summary>
/// 行政执法人员 and the state of the enforcement certificate (执法证) he or she holds.
/// The certificate's history is kept as <see cref="CertificateEvent"/> rows; this entity holds the current state.
/// </summary>
public sealed class Officer
{
    public long Id { get; private set; }
    public string CertificateNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long AgencyId { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly? RevokedOn { get; private set; }
    public string? RevocationReason { get; private set; }

    /// <summary>Start of a current suspension (暂扣); null when not suspended.</summary>
    public DateOnly? SuspendedOn { get; private set; }
    public bool IsLegalReviewer { get; private set; }
    public string? ResidentId { get; private set; }

    private Officer() { }

    public Officer(string certificateNumber, string name, long agencyId, DateOnly issuedOn,
        bool isLegalReviewer = false, string? residentId = null, DateOnly? revokedOn = null, string? revocationReason = null)
    {
        CertificateNumber = certificateNumber;
        Name = name;
        AgencyId = agencyId;
        IssuedOn = issuedOn;
        IsLegalReviewer = isLegalReviewer;
        ResidentId = residentId;
        RevokedOn = revokedOn;
        RevocationReason = revocationReason;
    }

    /// <summary>
    /// Valid on a day: issued on or before it and not revoked on or before it (statistics.md, certifiedOfficers;
    /// 行政处罚法 第四十二条 for case handling). A suspension counts only for new acts, see <see cref="MayActOn"/>.
    /// </summary>
    public bool ValidOn(DateOnly day) => IssuedOn <= day && (RevokedOn is null || RevokedOn > day);

    /// <summary>May conduct enforcement on the day: valid and not suspended at that time.</summary>
    public bool MayActOn(DateOnly day) => ValidOn(day) && (SuspendedOn is null || SuspendedOn > day);

    public void UpdateDetails(string name, long agencyId, bool isLegalReviewer, string? residentId)
    {
        Name = name;
        AgencyId = agencyId;
        IsLegalReviewer = isLegalReviewer;
        ResidentId = residentId;
    }

    /// <summary>Re-issues the certificate (a new 发证 after revocation, or the first issue date corrected by import).</summary>
    public DomainError? Issue(DateOnly on)
    {
        if (RevokedOn is null && IssuedOn <= on && Id != 0)
            return new DomainError("certificate.already_valid", $"执法证 {CertificateNumber} 仍然有效,无需重新发证");
        IssuedOn = on;
        RevokedOn = null;
        RevocationReason = null;
        SuspendedOn = null;
        return null;
    }

    public DomainError? Suspend(DateOnly on, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return new DomainError("certificate.reason_required", "暂扣执法证必须填写原因");
        if (!ValidOn(on))
            return new DomainError("certificate.not_valid", $"执法证 {CertificateNumber} 在 {on:yyyy-MM-dd} 无效,不能暂扣");
        if (SuspendedOn is not null)
            return new DomainError("certificate.already_suspended", $"执法证 {CertificateNumber} 已被暂扣");
        SuspendedOn = on;
        return null;
    }

    public DomainError? Reinstate(DateOnly on)
    {
        if (SuspendedOn is null)
            return new DomainError("certificate.not_suspended", $"执法证 {CertificateNumber} 未被暂扣");
        if (on < SuspendedOn)
            return new DomainError("certificate.date_before_suspension", "恢复日期不能早于暂扣日期");
        SuspendedOn = null;
        return null;
    }

    /// <summary>注销 on retirement, transfer or loss of qualification; the reason is required and kept.</summary>
    public DomainError? Revoke(DateOnly on, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return new DomainError("certificate.reason_required", "注销执法证必须填写原因(如退休、调离)");
        if (RevokedOn is not null)
            return new DomainError("certificate.already_revoked", $"执法证 {CertificateNumber} 已于 {RevokedOn:yyyy-MM-dd} 注销");
        if (on < IssuedOn)
            return new DomainError("certificate.revoked_before_issue", $"注销日期 {on:yyyy-MM-dd} 早于发证日期 {IssuedOn:yyyy-MM-dd}");
        RevokedOn = on;
        RevocationReason = reason.Trim();
        SuspendedOn = null;
        return null;
    }

    public void SetLegalReviewer(bool qualified) => IsLegalReviewer = qualified;
}
