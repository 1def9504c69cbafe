using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>When the fine is due and what late payment adds.</summary>
public static class PaymentRules
{
    // 行政处罚法 第六十七条: a calendar-day period from service, moved off a non-working last day.
    public static Deadline PaymentDue(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly servedOn) =>
        calendar.AddCalendarDays(servedOn, rules.PaymentDays);

    /// <summary>
    /// 行政处罚法 第七十二、七十三条: each day after an instalment's due date until payments cover it adds the
    /// configured rate of that instalment (the whole fine when there is no plan); days inside a reconsideration
    /// or litigation period are not counted; the total is at most the fine. Rounded to 分.
    /// </summary>
    public static decimal Surcharge(decimal fine, IEnumerable<Instalment> schedule, IEnumerable<Payment> payments,
        IEnumerable<AppealPeriod> appeals, PenaltyRules rules, DateOnly asOf)
    {
        var paid = payments.Where(p => p.PaidOn <= asOf).OrderBy(p => p.PaidOn).ToList();
        var appealList = appeals.ToList();
        decimal covered = 0, total = 0;
        foreach (var instalment in schedule.OrderBy(i => i.DueOn))
        {
            covered += instalment.Amount;
            var end = CoveredOn(paid, covered) ?? asOf;
            var days = 0;
            for (var day = instalment.DueOn.AddDays(1); day <= end; day = day.AddDays(1))
            {
                if (!appealList.Any(a => a.Covers(day)))
                    days++;
            }
            total += instalment.Amount * rules.SurchargeRatePerDay * days;
        }
        return decimal.Round(Math.Min(total, fine), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The day the payments, applied in date order, first reach <paramref name="amount"/>.</summary>
    private static DateOnly? CoveredOn(List<Payment> paid, decimal amount)
    {
        decimal sum = 0;
        foreach (var payment in paid)
        {
            sum += payment.Amount;
            if (sum >= amount)
                return payment.PaidOn;
        }
        return null;
    }
}
