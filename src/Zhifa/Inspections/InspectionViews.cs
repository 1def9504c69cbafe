using Zhifa.Data.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Web;

namespace Zhifa.Inspections;

public sealed record InspectionOfficerView(string CertificateNumber, string Name);

/// <summary>One inspection in a list. A natural person's ID number is masked in lists (个人信息保护法: only what is needed).</summary>
public sealed record InspectionSummary(long Id, string Number, string AgencyCode, string AgencyName, string PowerCode, string PowerName,
    DateOnly InspectedOn, string PartyType, string PartyTypeName, string PartyName, string? PartyIdNumber, string Result, string ResultName,
    DateOnly? RectificationDeadline, DateOnly? RectifiedOn, string Status, string StatusName, IReadOnlyList<InspectionOfficerView> Officers);

/// <summary>
/// An inspection with everything recorded about it. The party's ID number is shown in full to the inspecting agency's
/// own staff and masked for everyone else (the supervision office). <see cref="Version"/> is what an update is based on.
/// </summary>
public sealed record InspectionDetail(long Id, string Number, string AgencyCode, string AgencyName, string PowerCode, string PowerName,
    DateOnly InspectedOn, string? Location, string PartyType, string PartyTypeName, string PartyName, string? PartyIdNumber,
    string? PartyIdAbsentReason, IReadOnlyList<InspectionOfficerView> Officers, string Findings, string Result, string ResultName,
    DateOnly? RectificationDeadline, DateOnly? RectifiedOn, string? RectificationNote, bool RectifiedLate, DateOnly? ReferredOn,
    string? ReferredBy, long? PenaltyCaseId, string Status, string StatusName, DateOnly? ClosedOn, string CreatedBy, DateTimeOffset CreatedAt,
    int Version, string RecordUrl)
{
    /// <summary>案号 of the penalty case filed from the referral (<see cref="PenaltyCaseId"/>), when one has been.</summary>
    public string? PenaltyCaseNumber { get; init; }

    /// <summary>Where the API shows that penalty case.</summary>
    public string? PenaltyCaseUrl => PenaltyCaseId is { } id ? $"/api/v1/penalty-cases/{id}" : null;
}

/// <summary>The answer to 移交立案: the inspection as referred and the material a penalty case is filed with.</summary>
public sealed record ReferralResult(InspectionDetail Inspection, PenaltyCaseReferral Filing);

/// <summary>What the form of a new inspection offers: the agency's inspection powers and its officers able to act today.</summary>
public sealed record InspectionFormOptions(IReadOnlyList<PowerOption> Powers, IReadOnlyList<InspectionOfficerView> Officers);

public sealed record PowerOption(string Code, string Name, string? LegalBasis);

/// <summary>Who may record and follow up inspections: an officer or the administrator of the agency itself.</summary>
public static class InspectionAccess
{
    public static bool MayRecord(CallerScope scope) =>
        scope.Role is Roles.Officer or Roles.AgencyAdmin && scope.AgencyId is not null && scope.UserName is not null;

    public static bool MayActOn(CallerScope scope, long agencyId) => MayRecord(scope) && scope.AgencyId == agencyId;

    public static AppError Forbidden() =>
        AppError.Forbidden("只有本机关的执法人员或机关管理员可以记录和办理行政检查；执法监督机构只能查看");
}

public static class InspectionText
{
    /// <summary>A resident ID as published: the first 3 and last 4 characters. A credit code is public and shown whole.</summary>
    public static string? MaskId(PartyType type, string? idNumber) =>
        type == PartyType.NaturalPerson ? Officers.OfficerText.Mask(idNumber) : idNumber;

    /// <summary>Reads 自然人 / 法人 / 其他组织 or the enum name (NaturalPerson, LegalPerson, OtherOrganisation).</summary>
    public static bool TryParseParty(string? text, out PartyType type)
    {
        var t = text?.Trim() ?? "";
        if (CaseEnumNames.TryParseParty(t, out type))
            return true;
        return t.Length > 0 && !char.IsAsciiDigit(t[0]) && Enum.TryParse(t, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
