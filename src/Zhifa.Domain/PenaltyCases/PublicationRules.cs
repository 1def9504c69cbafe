using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 公示 of a penalty case's decision (行政执法公示, 事后): which decisions are published and by when. The limit and its
/// working days are <see cref="PublicityRules"/> (configuration section <c>Publicity</c>), the same the statistics and
/// the alerts check, so the case page, the lists and the alerts never disagree.
/// </summary>
public static class PublicationRules
{
    /// <summary>The rule a publication step names: 国办发〔2018〕118号 (7 working days), under 行政处罚法 第四十八条.</summary>
    public const string Basis = "国办发〔2018〕118号";

    // 国办发〔2018〕118号: 行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开 (the Nth working day after the decision).
    public static Deadline PublicationDue(WorkingDayCalendar calendar, PublicityRules publicity, DateOnly decidedOn) =>
        publicity.PenaltyPublicationLimit(calendar, decidedOn);

    /// <summary>
    /// Why the case's decision cannot be published now; null when it can. Only decisions of the general procedure are
    /// published (what the portal, the statistics and the alerts count, ADR-008); a decision is published once.
    /// </summary>
    public static DomainError? Publishable(ProcedureType procedure, PenaltyDecision? decision, DateOnly? publishedOn, PublicityRules publicity)
    {
        var days = publicity.PenaltyDecisionWorkingDays;
        // 国办发〔2018〕118号 with ADR-008: the portal publishes 普通程序 decisions; 当场处罚 are not published.
        if (procedure != ProcedureType.General)
            return Guard.Error("publish_not_general",
                $"简易程序（当场处罚）的决定不予公示：只公示普通程序作出的行政处罚决定（行政处罚法 第四十八条、{Basis}）");
        // 国办发〔2018〕118号: the limit runs from the decision, so there is nothing to publish before it.
        if (decision is null)
            return Guard.Error("publish_no_decision",
                $"本案尚未作出处罚决定，不能公示：处罚决定作出之日起{days}个工作日内公示（{Basis}）");
        if (publishedOn is { } on)
            return Guard.Error("already_published",
                $"本案处罚决定已于{Fmt.Date(on)}公示，不能重复公示（{Basis}）；决定被变更或撤销的，应撤回公示（行政处罚法 第四十八条）");
        return null;
    }

    /// <summary>What the deadline list shows as the configured value.</summary>
    public static string ConfiguredText(PublicityRules publicity) => $"决定之日起{publicity.PenaltyDecisionWorkingDays}个工作日";
}
