using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Cases;

/// <summary>
/// Limits of a penalty case that the supervision statistics check. The numbers are configuration with the
/// defaults of shared/domain/legal-rules.md; the calendar decides which days count.
/// </summary>
public sealed record PenaltyLimits
{
    /// <summary>行政处罚法 第六十条: decision within 90 days of filing (calendar days).</summary>
    public int DecisionDays { get; init; } = 90;

    /// <summary>国办发〔2018〕118号: penalty decisions published within 7 working days.</summary>
    public int PublicationWorkingDays { get; init; } = Publicity.PublicityRules.DefaultPenaltyDecisionWorkingDays;
}

public static class PenaltyDeadlines
{
    /// <summary>
    /// 行政处罚法 第六十条: filing date + the decision days (+ an approved extension), a calendar-day period that
    /// moves to the next working day when it ends on a non-working day (民事诉讼法 第八十五条).
    /// </summary>
    public static Deadline DecisionLimit(WorkingDayCalendar calendar, PenaltyLimits limits, DateOnly filedOn, int extensionDays) =>
        calendar.AddCalendarDays(filedOn, limits.DecisionDays + extensionDays);

    /// <summary>国办发〔2018〕118号 with 行政处罚法 第八十五条: the Nth working day after the decision date.</summary>
    public static Deadline PublicationLimit(WorkingDayCalendar calendar, PenaltyLimits limits, DateOnly decidedOn) =>
        calendar.AddWorkingDays(decidedOn, limits.PublicationWorkingDays);
}
