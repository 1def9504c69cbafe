using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>Who may act in a penalty case.</summary>
public static class OfficerRules
{
    // 行政处罚法 第四十二条
    public static DomainError? TwoCertifiedOfficers(IReadOnlyCollection<OfficerFacts> officers, long agencyId, DateOnly on, string act)
    {
        var distinct = officers.DistinctBy(o => o.OfficerId).ToList();
        if (distinct.Count < 2)
            return Guard.Error("officers_too_few", $"{act}须由两名以上具有执法资格的执法人员进行，当前为{distinct.Count}名（行政处罚法 第四十二条）");
        foreach (var officer in distinct)
        {
            if (officer.AgencyId != agencyId)
                return Guard.Error("officer_other_agency", $"执法人员{officer.Name}不属于本案的执法机关，不能{act}（行政处罚法 第四十二条）");
            if (!officer.MayActOn(on))
                return Guard.Error("officer_certificate_invalid",
                    $"执法人员{officer.Name}的执法证在{Fmt.Date(on)}无效或被暂扣，不能{act}（行政处罚法 第四十二条）");
        }
        return null;
    }

    // 行政处罚法 第四十三条
    public static DomainError? NotRecused(PenaltyCaseOfficer officer) =>
        officer.RecusedOn is { } on
            ? Guard.Error("officer_recused", $"执法人员{officer.Name}已于{Fmt.Date(on)}回避，不能继续参与本案（行政处罚法 第四十三条）")
            : null;
}
