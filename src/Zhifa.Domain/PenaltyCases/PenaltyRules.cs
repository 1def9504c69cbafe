using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// The numbers of the penalty workflow: configuration with the defaults of shared/domain/legal-rules.md.
/// A province or sector changes them with <c>PenaltyRules.Default with { … }</c>; <see cref="Validate"/>
/// refuses values the law does not allow (a summary limit above the statutory one). Rule code reads
/// them from here, never from literals, and deadlines show the value used.
/// </summary>
public sealed record PenaltyRules
{
    /// <summary>The statutory defaults.</summary>
    public static PenaltyRules Default { get; } = new();

    // 行政处罚法 第三十六条: no penalty for an act not discovered within 2 years (from the end of a continuing act).
    public int LimitationYears { get; init; } = 2;

    // 行政处罚法 第三十六条: 5 years where life, health or financial security is involved and harm resulted.
    public int SeriousHarmLimitationYears { get; init; } = 5;

    // 行政处罚法 第六十三条: 较大数额 of a fine or confiscation for a natural person (set locally).
    public decimal LargeAmountNaturalPerson { get; init; } = 5000m;

    // 行政处罚法 第六十三条: 较大数额 for a legal person or other organisation (set locally).
    public decimal LargeAmountOrganisation { get; init; } = 100000m;

    // 行政处罚法 第六十三条: penalties that give a right to a hearing whatever the amount.
    public IReadOnlySet<PenaltyKind> HearingRightKinds { get; init; } = new HashSet<PenaltyKind>
    {
        PenaltyKind.QualificationDowngrade, PenaltyKind.LicenceRevocation, PenaltyKind.ProductionSuspension,
        PenaltyKind.Closure, PenaltyKind.PracticeRestriction,
    };

    // 行政处罚法 第六十四条: the party asks for a hearing within 5 working days of the notice.
    public int HearingRequestWorkingDays { get; init; } = 5;

    // 行政处罚法 第四十五条 sets no period; sector rules (e.g. 市场监管) give 5 working days to state and defend.
    public int StatementWorkingDays { get; init; } = 5;

    // 行政处罚法 第六十四条: the party is told of the hearing 7 working days before it.
    public int HearingNoticeWorkingDays { get; init; } = 7;

    // 行政处罚法 第六十条: decision within 90 days of filing.
    public int DecisionDays { get; init; } = 90;

    // 行政处罚法 第六十条 with sector rules: one approved extension adds at most 30 days.
    public int MaxExtensionDays { get; init; } = 30;

    // 行政处罚法 第六十一条: served within 7 working days when the party is not present at the announcement.
    public int ServiceWorkingDays { get; init; } = 7;

    // 行政处罚法 第六十七条: the fine is paid within 15 days of service.
    public int PaymentDays { get; init; } = 15;

    // 行政处罚法 第七十二条: late payment adds 3% of the fine per day (capped at the fine by the rule itself).
    public decimal SurchargeRatePerDay { get; init; } = 0.03m;

    // 行政处罚法 第五十一条: on-the-spot fine at most 200 yuan for a natural person; a sector may set lower.
    public decimal SummaryFineLimitNaturalPerson { get; init; } = 200m;

    // 行政处罚法 第五十一条: on-the-spot fine at most 3000 yuan for a legal person or other organisation.
    public decimal SummaryFineLimitOrganisation { get; init; } = 3000m;

    // Platform setting (product.md: warn before deadlines pass): "due soon" this many working days ahead.
    public int DueSoonWorkingDays { get; init; } = 5;

    public decimal LargeAmountFor(PartyType party) =>
        party == PartyType.NaturalPerson ? LargeAmountNaturalPerson : LargeAmountOrganisation;

    public decimal SummaryFineLimitFor(PartyType party) =>
        party == PartyType.NaturalPerson ? SummaryFineLimitNaturalPerson : SummaryFineLimitOrganisation;

    /// <summary>Every reason the configuration is not usable; empty when it is.</summary>
    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        void Positive(string name, decimal value)
        {
            if (value <= 0)
                errors.Add(new("penalty_rules.not_positive", $"处罚规则配置项{name}必须大于零，当前为{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        Positive(nameof(LimitationYears), LimitationYears);
        Positive(nameof(SeriousHarmLimitationYears), SeriousHarmLimitationYears);
        Positive(nameof(LargeAmountNaturalPerson), LargeAmountNaturalPerson);
        Positive(nameof(LargeAmountOrganisation), LargeAmountOrganisation);
        Positive(nameof(HearingRequestWorkingDays), HearingRequestWorkingDays);
        Positive(nameof(StatementWorkingDays), StatementWorkingDays);
        Positive(nameof(HearingNoticeWorkingDays), HearingNoticeWorkingDays);
        Positive(nameof(DecisionDays), DecisionDays);
        Positive(nameof(MaxExtensionDays), MaxExtensionDays);
        Positive(nameof(ServiceWorkingDays), ServiceWorkingDays);
        Positive(nameof(PaymentDays), PaymentDays);
        Positive(nameof(SurchargeRatePerDay), SurchargeRatePerDay);
        Positive(nameof(SummaryFineLimitNaturalPerson), SummaryFineLimitNaturalPerson);
        Positive(nameof(SummaryFineLimitOrganisation), SummaryFineLimitOrganisation);
        if (DueSoonWorkingDays < 0)
            errors.Add(new("penalty_rules.negative", $"处罚规则配置项{nameof(DueSoonWorkingDays)}不能为负数"));

        // 行政处罚法 第五十一条: a sector may lower the on-the-spot limits, never raise them.
        if (SummaryFineLimitNaturalPerson > Default.SummaryFineLimitNaturalPerson)
            errors.Add(AboveStatute("自然人", SummaryFineLimitNaturalPerson, Default.SummaryFineLimitNaturalPerson));
        if (SummaryFineLimitOrganisation > Default.SummaryFineLimitOrganisation)
            errors.Add(AboveStatute("法人或者其他组织", SummaryFineLimitOrganisation, Default.SummaryFineLimitOrganisation));
        // 行政处罚法 第七十二条: 3% per day is the statutory rate.
        if (SurchargeRatePerDay > Default.SurchargeRatePerDay)
            errors.Add(new("penalty_rules.above_statute", $"加处罚款比例不能高于法定的每日{Fmt.Percent(Default.SurchargeRatePerDay)}（行政处罚法 第七十二条）"));
        return errors;
    }

    private static DomainError AboveStatute(string party, decimal configured, decimal statutory) =>
        new("penalty_rules.above_statute",
            $"简易程序罚款上限（{party}）配置为{Fmt.Yuan(configured)}，高于法定的{Fmt.Yuan(statutory)}（行政处罚法 第五十一条）");
}
