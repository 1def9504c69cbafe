namespace Zhifa.Publicity;

/// <summary>
/// A published penalty decision as the public portal shows it: the party masked (<see cref="Domain.Publicity.PartyMasking"/>),
/// no address, no phone, no ID number. <see cref="ShownUntil"/> is the last day of its publication period.
/// </summary>
public sealed record PublicDecision(
    string Number, string Party, string PartyType, string? PartyCreditCode, string AgencyCode, string AgencyName,
    DateOnly DecidedOn, DateOnly PublishedOn, decimal? Fine, string? Outcome, string Power, string? LegalBasis,
    string PublicationPeriod, DateOnly ShownUntil);

/// <summary>执法证查询 (亮证): who holds the certificate, for which agency, and whether it is valid — nothing else personal.</summary>
public sealed record CertificateCheck(
    string CertificateNumber, string Name, string AgencyCode, string AgencyName, bool Valid, string Status,
    DateOnly? SuspendedOn, DateOnly? RevokedOn);

/// <summary>The public search of decisions; <see cref="Party"/> is a substring of the party's name (see the masking rule).</summary>
/// <summary>
/// A page of the public decision search. <paramref name="Total"/> is exact up to 10,000 matches; beyond that it is 10,000
/// and <paramref name="MoreThanTotal"/> is set (the search counts no further, ADR-011).
/// </summary>
public sealed record DecisionPage(IReadOnlyList<PublicDecision> Items, int Total, bool MoreThanTotal);

public sealed record DecisionSearch(string? Party, string? Agency, string? Number, string? From, string? To);

public sealed record WithdrawRequest(DateOnly? ChangedOn, string? Reason);

/// <summary>A recorded withdrawal and whether it met the limit of 行政处罚法 第四十八条 (counted from the change).</summary>
public sealed record WithdrawalView(
    string CaseNumber, DateOnly ChangedOn, DateOnly WithdrawnOn, string Reason, string? RecordedBy, DateTimeOffset RecordedAt,
    int LimitWorkingDays, DateOnly Deadline, bool DeadlineProvisional, bool WithinLimit, string Note);

/// <summary>A decided general-procedure penalty decision not published within its limit (未公示 or 逾期公示).</summary>
public sealed record OverdueDecision(
    long CaseId, string Number, string AgencyCode, string AgencyName, DateOnly DecidedOn, int LimitWorkingDays,
    DateOnly Deadline, bool DeadlineProvisional, DateOnly? PublishedOn, string Status, int DaysOverdue);
