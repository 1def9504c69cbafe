using System.Text.Json.Serialization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Inspections;

/// <summary>The party as inspected; in JSON the type is its name (NaturalPerson, LegalPerson, OtherOrganisation).</summary>
public sealed record ReferralParty([property: JsonConverter(typeof(JsonStringEnumConverter<PartyType>))] PartyType Type, string TypeName, string Name, string? IdNumber, string? IdAbsentReason);

/// <summary>A penalty power of the agency in force on the referral day: a suggestion, the filing officer chooses.</summary>
public sealed record ReferralPower(long PowerId, string Code, string Name, string? LegalBasis);

/// <summary>An officer of the inspection; <paramref name="MayAct"/> is false when the certificate is no longer valid on the referral day.</summary>
public sealed record ReferralOfficer(long OfficerId, string CertificateNumber, string Name, bool MayAct);

/// <summary>
/// 移交立案: what an inspection hands over for a penalty case — the party, the facts (the findings), where and when they
/// were found (the inspection date is the discovery date for 行政处罚法 第三十六条), the agency's penalty powers to choose
/// from and the officers. <paramref name="PenaltyCaseId"/> is the case opened from it, when one has been.
/// </summary>
public sealed record PenaltyCaseReferral(long InspectionId, string InspectionNumber, long AgencyId, string AgencyCode, string AgencyName,
    ReferralParty Party, string Facts, string? Location, DateOnly DiscoveredOn, DateOnly ReferredOn, string ReferredBy,
    IReadOnlyList<ReferralPower> PowerSuggestions, IReadOnlyList<ReferralOfficer> Officers, long? PenaltyCaseId)
{
    /// <summary>The penalty power the referring user chose among the suggestions, if any (code).</summary>
    public string? ChosenPowerCode { get; init; }
}

/// <summary>
/// Opens a penalty case from a referred inspection. This is the seam to the penalty-case module, which is built
/// separately: its integration implements this interface and registers it after <c>AddInspections</c> (the last
/// registration wins). <see cref="OpenAsync"/> is called inside the referral's transaction on the request's scoped
/// <c>ZhifaDbContext</c>: whatever the implementation writes through that context (or its connection and current
/// transaction) commits or rolls back together with the referral.
/// <list type="bullet">
/// <item>Return the id of the opened penalty case (<c>cases.id</c>); it is stored on the inspection and in its record.</item>
/// <item>Return null when no case is opened now (filing still needs the agency head's approval, 立案审批): the referral
/// stands and the material is returned to the caller.</item>
/// <item>Return a <see cref="DomainError"/> to refuse: the referral is rolled back and the caller gets a 422 with it.</item>
/// </list>
/// </summary>
public interface IPenaltyCaseOpener
{
    Task<Result<long?>> OpenAsync(PenaltyCaseReferral referral, CancellationToken ct = default);
}

/// <summary>
/// The default until the penalty-case module is wired in: opens nothing. The referral itself is recorded by the caller
/// (the inspection is marked 已移交立案 and an <c>inspection.referred</c> entry is appended to its record).
/// </summary>
public sealed class RecordOnlyPenaltyCaseOpener : IPenaltyCaseOpener
{
    public Task<Result<long?>> OpenAsync(PenaltyCaseReferral referral, CancellationToken ct = default) => Task.FromResult(Result.Ok<long?>(null));
}
