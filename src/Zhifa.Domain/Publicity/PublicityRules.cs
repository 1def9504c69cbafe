using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Publicity;

/// <summary>How long a published decision stays on the portal (SAMR Order No. 45 第十三条).</summary>
public enum PublicationPeriod
{
    Short, // 仅受到警告、通报批评或者较低数额罚款: 3 months
    Long,  // every other penalty: 3 years
}

/// <summary>
/// 行政执法公示 (事后) limits. Every number is configuration (section <c>Publicity</c>) with the default of
/// shared/domain/legal-rules.md; the calendar decides which days are working days.
/// </summary>
public sealed record PublicityRules
{
    public const int DefaultPenaltyDecisionWorkingDays = 7;

    /// <summary>国办发〔2018〕118号: penalty (and licensing) decisions are published within 7 working days of the decision.</summary>
    public int PenaltyDecisionWorkingDays { get; init; } = DefaultPenaltyDecisionWorkingDays;

    /// <summary>国办发〔2018〕118号: other enforcement decisions within 20 working days.</summary>
    public int OtherDecisionWorkingDays { get; init; } = 20;

    /// <summary>行政处罚法 第四十八条: a published decision that is changed, revoked, confirmed illegal or void is withdrawn within 3 working days.</summary>
    public int WithdrawalWorkingDays { get; init; } = 3;

    /// <summary>SAMR Order No. 45 第十三条: 仅受到通报批评或者较低数额罚款 — publication ends 3 months after it began.</summary>
    public int ShortPeriodMonths { get; init; } = 3;

    /// <summary>SAMR Order No. 45 第十三条: every other penalty — publication ends 3 years after it began.</summary>
    public int LongPeriodMonths { get; init; } = 36;

    /// <summary>
    /// 较低数额罚款 for a natural person: a fine below this amount (不含本数). Order No. 45 leaves the amount to the provinces;
    /// the default is the standard Guizhou (2023-12-19, in force 2024-01-01) and Fujian (闽市监规〔2024〕3号) adopted: below
    /// 5,000 yuan for a natural person and below 50,000 yuan for a legal person or other organisation. It also sits at the
    /// default hearing threshold for natural persons (行政处罚法 第六十三条, 较大数额), so a fine that earned a hearing is never "small".
    /// </summary>
    public decimal SmallFineBelowNaturalPerson { get; init; } = 5_000m;

    /// <summary>较低数额罚款 for a legal person or other organisation: below this amount; see <see cref="SmallFineBelowNaturalPerson"/>.</summary>
    public decimal SmallFineBelowOrganisation { get; init; } = 50_000m;

    /// <summary>Outcome words of a penalty that is only a warning or a reprimand (警告, 通报批评: 行政处罚法 第九条).</summary>
    public static readonly IReadOnlyList<string> ReprimandWords = ["警告", "通报批评"];

    /// <summary>
    /// Outcome words of a penalty heavier than a fine (行政处罚法 第九条: confiscation, licence measures, restrictions, detention).
    /// A decision naming one of them is not "only a small fine", whatever the amount.
    /// </summary>
    public static readonly IReadOnlyList<string> HeavierPenaltyWords =
        ["没收", "吊销", "暂扣", "降低资质", "停产停业", "责令关闭", "限制开展生产经营活动", "限制从业", "拘留"];

    /// <summary>What is wrong with a configured value, in Chinese; empty when the configuration can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(int value, string name)
        {
            if (value < 1)
                problems.Add($"公示配置 {name} 应为正整数,当前为 {value}");
        }
        Positive(PenaltyDecisionWorkingDays, nameof(PenaltyDecisionWorkingDays));
        Positive(OtherDecisionWorkingDays, nameof(OtherDecisionWorkingDays));
        Positive(WithdrawalWorkingDays, nameof(WithdrawalWorkingDays));
        Positive(ShortPeriodMonths, nameof(ShortPeriodMonths));
        Positive(LongPeriodMonths, nameof(LongPeriodMonths));
        if (ShortPeriodMonths > LongPeriodMonths)
            problems.Add($"公示配置 ShortPeriodMonths({ShortPeriodMonths})不应长于 LongPeriodMonths({LongPeriodMonths})");
        if (SmallFineBelowNaturalPerson < 0 || SmallFineBelowOrganisation < 0)
            problems.Add("公示配置中较低数额罚款的金额不能为负数");
        return problems;
    }

    /// <summary>国办发〔2018〕118号 with 行政处罚法 第八十五条: the Nth working day after the decision date.</summary>
    public Deadline PenaltyPublicationLimit(WorkingDayCalendar calendar, DateOnly decidedOn) =>
        calendar.AddWorkingDays(decidedOn, PenaltyDecisionWorkingDays);

    /// <summary>国办发〔2018〕118号: other enforcement decisions, the 20th working day after the decision date.</summary>
    public Deadline OtherPublicationLimit(WorkingDayCalendar calendar, DateOnly decidedOn) =>
        calendar.AddWorkingDays(decidedOn, OtherDecisionWorkingDays);

    /// <summary>行政处罚法 第四十八条: the 3rd working day after the decision was changed or revoked.</summary>
    public Deadline WithdrawalLimit(WorkingDayCalendar calendar, DateOnly changedOn) =>
        calendar.AddWorkingDays(changedOn, WithdrawalWorkingDays);

    /// <summary>
    /// SAMR Order No. 45 第十三条. The case record holds the fine and a free-text outcome, so: a fine below the small-fine
    /// amount for the party's type, or no fine and an outcome naming a warning or reprimand, is short — unless the outcome
    /// names a heavier penalty. Anything else, including an outcome that says nothing, is long.
    /// </summary>
    public PublicationPeriod PeriodOf(PartyType? partyType, decimal? fine, string? outcome)
    {
        var text = outcome ?? "";
        if (HeavierPenaltyWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
            return PublicationPeriod.Long;
        if (fine is > 0m)
            return fine < SmallFineBelow(partyType) ? PublicationPeriod.Short : PublicationPeriod.Long;
        return ReprimandWords.Any(w => text.Contains(w, StringComparison.Ordinal)) ? PublicationPeriod.Short : PublicationPeriod.Long;
    }

    /// <summary>An unknown party type gets the lower (natural-person) amount: the shorter period is then the exception.</summary>
    public decimal SmallFineBelow(PartyType? partyType) =>
        partyType is PartyType.LegalPerson or PartyType.OtherOrganisation ? SmallFineBelowOrganisation : SmallFineBelowNaturalPerson;

    public int Months(PublicationPeriod period) => period == PublicationPeriod.Short ? ShortPeriodMonths : LongPeriodMonths;

    /// <summary>
    /// The last day a decision published on <paramref name="publishedOn"/> is shown: the corresponding day of the month the
    /// period ends in, or that month's last day when it has none (民法典 第二百零三条; "自公示之日起届满").
    /// It does not move off a holiday: moving a period's end to the next working day (民事诉讼法 第八十五条) protects a
    /// party who must act before it; here nobody must act, and a later end would publish personal data longer than allowed.
    /// </summary>
    public DateOnly LastDayShown(DateOnly publishedOn, PublicationPeriod period) => publishedOn.AddMonths(Months(period));

    /// <summary>
    /// The earliest publication date still shown on <paramref name="today"/> for the period, so a database can filter with
    /// <c>published_on &gt;= cutoff</c>: the smallest day d with <see cref="LastDayShown"/>(d) ≥ today. Month arithmetic is
    /// not invertible at month ends (2月28日 + 3个月 = 5月28日), hence the search around today − months.
    /// </summary>
    public DateOnly EarliestShownPublication(DateOnly today, PublicationPeriod period)
    {
        var d = today.AddMonths(-Months(period));
        while (LastDayShown(d.AddDays(-1), period) >= today)
            d = d.AddDays(-1);
        while (LastDayShown(d, period) < today)
            d = d.AddDays(1);
        return d;
    }

    /// <summary>Shown on the portal today: published, not in the future, and the publication period not over.</summary>
    public bool IsShown(DateOnly? publishedOn, PublicationPeriod period, DateOnly today) =>
        publishedOn is { } p && p <= today && LastDayShown(p, period) >= today;
}
