using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>The decision limit and its extensions, and service of the decision.</summary>
public static class DecisionRules
{
    // 行政处罚法 第六十条: filing + the decision days + approved extensions, moved off a non-working last day.
    public static Deadline DecisionLimit(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly filedOn, int extensionDays) =>
        PenaltyDeadlines.DecisionLimit(calendar, new PenaltyLimits { DecisionDays = rules.DecisionDays }, filedOn, extensionDays);

    // 行政处罚法 第六十条
    public static DomainError? DecidedInTime(Deadline limit, DateOnly decidedOn, DateOnly filedOn, PenaltyRules rules, int extensionDays) =>
        decidedOn <= limit.Date
            ? null
            : Guard.Error("decision_limit_passed",
                $"决定日期{Fmt.Date(decidedOn)}已超过办案期限{Fmt.Date(limit.Date)}（立案{Fmt.Date(filedOn)}起{rules.DecisionDays}日{ExtensionText(extensionDays)}，行政处罚法 第六十条）");

    // 行政处罚法 第六十条: an extension is approved before the limit passes, by at most the configured days.
    public static DomainError? ExtensionAllowed(Deadline currentLimit, DateOnly approvedOn, int days, PenaltyRules rules)
    {
        if (days <= 0 || days > rules.MaxExtensionDays)
            return Guard.Error("extension_days_invalid", $"每次延长办案期限为1至{rules.MaxExtensionDays}日，申请延长{days}日（行政处罚法 第六十条）");
        return approvedOn > currentLimit.Date
            ? Guard.Error("extension_too_late", $"办案期限已于{Fmt.Date(currentLimit.Date)}届满，{Fmt.Date(approvedOn)}不能再批准延长（行政处罚法 第六十条）")
            : null;
    }

    // 行政处罚法 第六十一条: the Nth working day after the decision when the party was absent.
    public static Deadline ServiceDue(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly decidedOn) =>
        calendar.AddWorkingDays(decidedOn, rules.ServiceWorkingDays);

    internal static string ExtensionText(int extensionDays) => extensionDays > 0 ? $"，已批准延长{extensionDays}日" : "";
}
