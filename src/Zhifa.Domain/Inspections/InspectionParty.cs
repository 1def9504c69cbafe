using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Domain.Inspections;

/// <summary>
/// 当事人 of an inspection, identified on the spot:
/// <list type="bullet">
/// <item>a legal person or other organisation by its unified social credit code (GB 32100), always: the code is on
/// the business licence and public in the national enterprise credit system, so it can be found even when the party
/// will not show it;</item>
/// <item>a natural person by the resident ID (GB 11643). When the person refuses to show it or it cannot be verified
/// on the spot (a foreigner, no document at hand), the inspection is still recorded, with the reason why the number
/// is missing: an inspection that happened must not go unrecorded because the party would not cooperate.</item>
/// </list>
/// Every number given is checked, check character included.
/// </summary>
public sealed record InspectionParty
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 200;

    private InspectionParty(PartyType type, string name, string? idNumber, string? idAbsentReason)
    {
        Type = type;
        Name = name;
        IdNumber = idNumber;
        IdAbsentReason = idAbsentReason;
    }

    public PartyType Type { get; }
    public string Name { get; }

    /// <summary>The normalised resident ID or credit code; null only for a natural person with <see cref="IdAbsentReason"/>.</summary>
    public string? IdNumber { get; }

    /// <summary>Why a natural person's ID number is missing (拒绝提供, 无法核实 …).</summary>
    public string? IdAbsentReason { get; }

    /// <summary>The credit code of an organisation, which is also kept on the case row; null for a natural person.</summary>
    public string? CreditCode => Type == PartyType.NaturalPerson ? null : IdNumber;

    public static Result<InspectionParty> Create(PartyType type, string? name, string? idNumber, string? idAbsentReason)
    {
        var n = name?.Trim() ?? "";
        if (n.Length == 0)
            return InspectionRules.Error("party_name_required", "请填写当事人名称（自然人姓名或单位名称）");
        if (n.Length > MaxNameLength)
            return InspectionRules.Error("party_name_too_long", $"当事人名称不能超过{MaxNameLength}个字符");
        var id = string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim();
        var reason = string.IsNullOrWhiteSpace(idAbsentReason) ? null : idAbsentReason.Trim();

        if (type == PartyType.NaturalPerson)
        {
            if (id is null)
            {
                if (reason is null)
                    return InspectionRules.Error("party_id_required",
                        "请填写自然人当事人的身份证号；当事人拒绝提供或当场无法核实的，请写明原因");
                if (reason.Length > MaxReasonLength)
                    return InspectionRules.Error("party_id_reason_too_long", $"未填写身份证号的原因不能超过{MaxReasonLength}个字符");
                return new InspectionParty(type, n, null, reason);
            }
            var resident = ResidentId.Create(id);
            return resident.IsSuccess
                ? new InspectionParty(type, n, resident.Value.Value, null)
                : InspectionRules.Error("party_id_invalid", "当事人" + resident.Error.Message);
        }

        if (id is null)
            return InspectionRules.Error("party_code_required",
                $"请填写{type.ToChinese()}当事人的统一社会信用代码（营业执照上有，也可在国家企业信用信息公示系统查询）");
        var code = Identifiers.CreditCode.Create(id);
        return code.IsSuccess
            ? new InspectionParty(type, n, code.Value.Value, null)
            : InspectionRules.Error("party_id_invalid", "当事人" + code.Error.Message);
    }

    /// <summary>A party as stored: checked when it was recorded, taken as it is.</summary>
    public static InspectionParty Stored(PartyType type, string name, string? idNumber, string? idAbsentReason) =>
        new(type, name, idNumber, idAbsentReason);
}
