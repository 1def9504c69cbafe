using Zhifa.Domain.Calendar;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.PenaltyCases;

public enum DeadlineStatus
{
    Ok,      // 正常
    DueSoon, // 即将到期
    Overdue, // 已逾期
}

public static class DeadlineStatusNames
{
    private static readonly ChineseNames<DeadlineStatus> Names = new(new()
    {
        [DeadlineStatus.Ok] = "正常",
        [DeadlineStatus.DueSoon] = "即将到期",
        [DeadlineStatus.Overdue] = "已逾期",
    });

    public static string ToChinese(this DeadlineStatus status) => Names.Of(status);

    public static bool TryParseChinese(string text, out DeadlineStatus status) => Names.TryParse(text, out status);
}

/// <summary>
/// A limit the case is running against now: its Chinese name, the date (with the calendar's provisional flag),
/// the rule and article, the configured value used, and its status on the day asked.
/// </summary>
public sealed record CaseDeadline(string Name, DateOnly Due, bool Provisional, string Rule, string ConfiguredValue, DeadlineStatus Status)
{
    /// <summary>
    /// The party's own window to state, defend or ask for a hearing: when it passes the agency may go on, so it is
    /// never an overdue limit of the agency (lists and alerts leave it out).
    /// </summary>
    public bool PartyWindow { get; init; }
}

public sealed partial class PenaltyCase
{
    /// <summary>
    /// The deadlines that apply in the current stage, for pages and alerts. A deadline is due soon from the
    /// configured number of working days before it, and overdue from the day after it. The publication limit uses
    /// <paramref name="publicity"/> (the statutory 7 working days when not given).
    /// </summary>
    public IReadOnlyList<CaseDeadline> Deadlines(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly today, PublicityRules? publicity = null)
    {
        var list = new List<CaseDeadline>();
        void Add(string name, Deadline due, string rule, string configured, bool partyWindow = false) =>
            list.Add(new CaseDeadline(name, due.Date, due.Provisional, rule, configured, DeadlineStatusOn(calendar, rules, due.Date, today))
            {
                PartyWindow = partyWindow,
            });

        if (Stage.IsBeforeDecision())
        {
            Add("作出处罚决定期限", DecisionLimit(calendar, rules), "行政处罚法 第六十条",
                $"立案之日起{rules.DecisionDays}日{DecisionRules.ExtensionText(ExtensionDays)}");
        }
        if (Stage == PenaltyStage.Notified && CurrentNotice is { WaivedOn: null } notice && today <= notice.WindowEndsOn)
        {
            Add(notice.HearingRight ? "陈述申辩和申请听证期限" : "陈述申辩期限", new Deadline(notice.WindowEndsOn, notice.WindowProvisional),
                notice.HearingRight ? "行政处罚法 第六十四条" : "行政处罚法 第四十五条",
                $"告知之日起{(notice.HearingRight ? rules.HearingRequestWorkingDays : rules.StatementWorkingDays)}个工作日", partyWindow: true);
        }
        if (Stage == PenaltyStage.Hearing && CurrentNotice?.Hearing is { IsRecorded: false } hearing)
        {
            Add("听证举行日期", new Deadline(hearing.HearingOn, !calendar.HasSchedule(hearing.HearingOn.Year)), "行政处罚法 第六十四条",
                $"{Fmt.Date(hearing.NoticeSentOn)}通知，至少提前{rules.HearingNoticeWorkingDays}个工作日");
        }
        if (Stage == PenaltyStage.Decided && Decision is { } decision)
        {
            Add("送达决定书期限", DecisionRules.ServiceDue(calendar, rules, decision.DecidedOn), "行政处罚法 第六十一条",
                $"当事人不在场的，决定之日起{rules.ServiceWorkingDays}个工作日");
        }
        publicity ??= new PublicityRules();
        if (PublishedOn is null && PublicationDue(calendar, publicity) is { } publication)
        {
            // 国办发〔2018〕118号: runs from the decision in whatever stage the case is, until the decision is published.
            Add("公示处罚决定期限", publication, $"{PublicationRules.Basis}、行政处罚法 第四十八条", PublicationRules.ConfiguredText(publicity));
        }
        if (Stage is PenaltyStage.Served or PenaltyStage.Executing && NextUnpaidInstalment(calendar, rules, today) is { } instalment)
        {
            var statutory = Arrangement == PaymentArrangement.Statutory;
            var due = statutory && ServedOn is { } served
                ? PaymentRules.PaymentDue(calendar, rules, served)
                : new Deadline(instalment.DueOn, !calendar.HasSchedule(instalment.DueOn.Year));
            Add("缴纳罚款期限", due, statutory ? "行政处罚法 第六十七条" : "行政处罚法 第六十六条",
                statutory ? $"送达之日起{rules.PaymentDays}日" : $"经批准{Arrangement.ToChinese()}，本期{Fmt.Yuan(instalment.Amount)}");
        }
        return list;
    }

    /// <summary>A limit is due soon from the configured number of working days before it, and overdue from the day after it.</summary>
    public static DeadlineStatus DeadlineStatusOn(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly due, DateOnly today)
    {
        if (today > due)
            return DeadlineStatus.Overdue;
        return today >= calendar.AddWorkingDays(due, -rules.DueSoonWorkingDays).Date ? DeadlineStatus.DueSoon : DeadlineStatus.Ok;
    }

    /// <summary>The first instalment the payments made by <paramref name="today"/> do not yet cover.</summary>
    private Instalment? NextUnpaidInstalment(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly today)
    {
        var paid = _payments.Where(p => p.PaidOn <= today).Sum(p => p.Amount);
        decimal due = 0;
        foreach (var instalment in PaymentSchedule(calendar, rules))
        {
            due += instalment.Amount;
            if (paid < due)
                return instalment;
        }
        return null;
    }
}
