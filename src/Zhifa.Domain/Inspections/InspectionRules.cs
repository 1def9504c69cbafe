using System.Globalization;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Inspections;

/// <summary>
/// The rules an inspection must satisfy, each named after the rule. A broken rule is a <see cref="DomainError"/>
/// with a stable <c>inspection.*</c> code and a Chinese message citing its source where there is one.
/// </summary>
public static class InspectionRules
{
    public const int MaxFindingsLength = 4000;
    public const int MaxLocationLength = 200;
    public const int MaxNoteLength = 1000;

    /// <summary>
    /// 行政处罚法 第四十二条, applied to inspections by analogy: the investigation and inspection of a penalty case need
    /// two officers holding valid certificates, and the exchange format applies the same rule to every case it carries
    /// (cases.csv, 执法人员). Valid means issued, not revoked and not suspended on the inspection date.
    /// </summary>
    public static DomainError? TwoCertifiedOfficers(IReadOnlyCollection<OfficerFacts> officers, long agencyId, DateOnly on)
    {
        var distinct = officers.DistinctBy(o => o.OfficerId).ToList();
        if (distinct.Count < 2)
            return Error("officers_too_few",
                $"行政检查须由两名以上持有有效执法证的执法人员实施，当前为{distinct.Count}名（参照行政处罚法 第四十二条，数据交换格式对所有执法案件适用同一规则）");
        foreach (var officer in distinct)
        {
            if (officer.AgencyId != agencyId)
                return Error("officer_other_agency", $"执法人员{officer.Name}不是本机关的执法人员，不能参加本机关的行政检查（行政处罚法 第四十二条）");
            if (!officer.MayActOn(on))
                return Error("officer_certificate_invalid",
                    $"执法人员{officer.Name}的执法证在{Day(on)}无效（尚未发证、已注销或被暂扣），不能实施行政检查（行政处罚法 第四十二条）");
        }
        return null;
    }

    /// <summary>
    /// A certificate number that is not an officer of the agency. Said without the officer's name or agency, so that a
    /// caller learns nothing about other agencies' officers (api.md: never reveal what another agency holds).
    /// </summary>
    public static DomainError OfficerNotOfTheAgency(string certificateNumber) =>
        Error("officer_other_agency", $"执法证号\"{certificateNumber}\"不是本机关的执法人员，不能参加本机关的行政检查（行政处罚法 第四十二条）");

    /// <summary>
    /// 职权法定: an agency inspects only under an inspection power (行政检查) of its own power catalog (权责清单) that is in
    /// force on the inspection date (权责清单动态调整).
    /// </summary>
    public static DomainError? InspectionPowerOfTheAgency(Power power, long agencyId, DateOnly on)
    {
        if (power.AgencyId != agencyId)
            return PowerNotOfTheAgency(power.Code);
        if (power.Category != PowerCategory.Inspection)
            return Error("power_not_inspection",
                $"职权\"{power.Name}\"属于{power.Category.ToChinese()}，不是行政检查职权；请选择本机关权责清单中的行政检查事项");
        if (!power.ValidOn(on))
            return Error("power_not_valid", $"职权\"{power.Name}\"在{Day(on)}不在权责清单的有效期内");
        return null;
    }

    /// <summary>A power code that is not in the agency's catalog, named only by the code the caller gave.</summary>
    public static DomainError PowerNotOfTheAgency(string powerCode) =>
        Error("power_other_agency", $"职权编码\"{powerCode}\"不在本机关的权责清单中，不能据此实施行政检查");

    /// <summary>A fact of the past: an inspection (or its follow-up) is recorded after it happened, never ahead.</summary>
    public static DomainError? NotInFuture(DateOnly date, DateOnly today, string what) =>
        date > today ? Error("date_in_future", $"{what}{Day(date)}晚于今天{Day(today)}") : null;

    /// <summary>A follow-up step cannot come before the inspection it follows.</summary>
    public static DomainError? NotBeforeInspection(DateOnly date, DateOnly inspectedOn, string what) =>
        date < inspectedOn ? Error("date_before_inspection", $"{what}{Day(date)}早于检查日期{Day(inspectedOn)}") : null;

    /// <summary>The findings are what the record of the inspection is for: what was checked and what was found.</summary>
    public static DomainError? FindingsGiven(string? findings)
    {
        if (string.IsNullOrWhiteSpace(findings))
            return Error("findings_required", "请填写检查情况：检查了什么、发现了什么");
        return findings.Trim().Length > MaxFindingsLength
            ? Error("findings_too_long", $"检查情况不能超过{MaxFindingsLength}个字符")
            : null;
    }

    public static DomainError? LocationFits(string? location) =>
        location is not null && location.Trim().Length > MaxLocationLength
            ? Error("location_too_long", $"检查地点不能超过{MaxLocationLength}个字符")
            : null;

    /// <summary>
    /// 责令改正 names the date by which the party must correct (整改期限), after the inspection date; the other results
    /// have none, so a deadline given with them is refused rather than silently dropped.
    /// </summary>
    public static DomainError? RectificationDeadline(InspectionResult result, DateOnly? deadline, DateOnly inspectedOn)
    {
        if (result != InspectionResult.Rectify)
            return deadline is null
                ? null
                : Error("deadline_not_allowed", $"检查结果为{result.ToChinese()}时不设整改期限；只有责令改正需要填写整改期限");
        if (deadline is null)
            return Error("deadline_required", "责令改正须写明整改期限");
        return deadline <= inspectedOn
            ? Error("deadline_not_after_inspection", $"整改期限{Day(deadline.Value)}应晚于检查日期{Day(inspectedOn)}")
            : null;
    }

    public static DomainError? NoteFits(string? note, string what) =>
        note is not null && note.Trim().Length > MaxNoteLength ? Error("note_too_long", $"{what}不能超过{MaxNoteLength}个字符") : null;

    internal static DomainError Error(string code, string message) => new($"inspection.{code}", message);

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
