using Zhifa.Data.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Inspections;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>
/// 移交立案 through the penalty-case service (ADR-010). Filing is the agency head's approval (立案审批, 行政处罚法 第五十四条),
/// so the case is filed here only when the referring user is the agency head (agency-admin): with the inspection's party,
/// its findings as the case summary and facts, the inspection date as the discovery and act date, its officers whose
/// certificates are still valid, and the chosen penalty power. A referral by an officer opens nothing yet: the referral
/// is recorded and the head files the case from it on 立案 (/penalty-cases/new?inspection=…), which is prefilled.
/// Runs inside the referral's transaction; a refusal by the service rolls the referral back (422 with the rule).
/// </summary>
public sealed class InspectionReferralOpener(PenaltyCaseService service, CallerScope scope) : IPenaltyCaseOpener
{
    public async Task<Result<long?>> OpenAsync(PenaltyCaseReferral referral, CancellationToken ct = default)
    {
        if (scope.Role != Roles.AgencyAdmin)
            return Result.Ok<long?>(null);
        var power = ChoosePower(referral);
        if (power is null)
            return Result.Fail<long?>("penalty.power_required",
                referral.PowerSuggestions.Count == 0
                    ? "本机关权责清单中没有有效的行政处罚职权,不能立案"
                    : $"请选择立案依据的行政处罚职权(可选:{string.Join("、", referral.PowerSuggestions.Select(p => p.Code))})");
        var filed = await service.FileAsync(Request(referral, power), null, ct);
        return filed.IsSuccess
            ? Result.Ok<long?>(filed.Value.Id)
            : Result.Fail<long?>(filed.Error.Code, filed.Error.Message);
    }

    /// <summary>The request the head's 立案 form is prefilled with for the same referral.</summary>
    public static FileCaseRequest Request(PenaltyCaseReferral referral, string? powerCode) => new()
    {
        PowerCode = powerCode,
        Party = new PartyRequest { Type = referral.Party.Type.ToString(), Name = referral.Party.Name, Identifier = referral.Party.IdNumber },
        ActOn = referral.DiscoveredOn,
        DiscoveredOn = referral.DiscoveredOn,
        FiledOn = referral.ReferredOn,
        CaseSummary = referral.Facts,
        CaseSource = "监督检查",
        CaseCause = null,
        Officers = referral.Officers.Where(o => o.MayAct).Select(o => o.CertificateNumber).ToList(),
    };

    private static string? ChoosePower(PenaltyCaseReferral referral)
    {
        if (!string.IsNullOrWhiteSpace(referral.ChosenPowerCode))
            return referral.ChosenPowerCode;
        return referral.PowerSuggestions.Count == 1 ? referral.PowerSuggestions[0].Code : null;
    }
}
