using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>When legal review and collective discussion are required, and who may review.</summary>
public static class LegalReviewRules
{
    // 行政处罚法 第五十八条 (and 第三十四条 for a fine outside its discretion tier)
    public static IReadOnlyList<string> ReviewGrounds(CaseSignificance significance, bool hearingHeld, bool outsideDiscretion)
    {
        var grounds = new List<string>();
        if (significance.MajorPublicInterest) grounds.Add("涉及重大公共利益");
        if (hearingHeld) grounds.Add("经过听证程序");
        if (significance.ComplexOrDifficult) grounds.Add("案件情况疑难复杂、涉及多个法律关系");
        if (significance.OnMajorDecisionList) grounds.Add("属于本机关重大执法决定法制审核目录");
        if (outsideDiscretion) grounds.Add("罚款超出裁量基准幅度");
        return grounds;
    }

    // 行政处罚法 第五十七条
    public static IReadOnlyList<string> DiscussionGrounds(CaseSignificance significance)
    {
        var grounds = new List<string>();
        if (significance.ComplexOrDifficult) grounds.Add("情节复杂");
        if (significance.MajorViolation) grounds.Add("重大违法行为");
        return grounds;
    }

    // 行政处罚法 第五十八条 with 办审分离: a qualified reviewer of the same agency who is not a handler of the case.
    public static DomainError? ReviewerEligible(OfficerFacts reviewer, long agencyId, IEnumerable<PenaltyCaseOfficer> handlers, DateOnly on)
    {
        if (!reviewer.IsLegalReviewer)
            return Guard.Error("reviewer_not_qualified", $"{reviewer.Name}不具备法制审核人员资格（行政处罚法 第五十八条）");
        if (reviewer.AgencyId != agencyId)
            return Guard.Error("reviewer_other_agency", $"{reviewer.Name}不是本案执法机关的法制审核人员");
        if (!reviewer.MayActOn(on))
            return Guard.Error("reviewer_not_valid", $"{reviewer.Name}的执法证在{Fmt.Date(on)}无效或被暂扣，不能从事法制审核");
        return handlers.Any(h => h.OfficerId == reviewer.OfficerId)
            ? Guard.Error("reviewer_is_handler", $"{reviewer.Name}是本案承办人员，不能审核本案（办审分离，行政处罚法 第五十八条）")
            : null;
    }
}
