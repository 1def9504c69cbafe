using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

public class PublicityRulesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.CreateDefault();
    private static readonly PublicityRules Rules = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void PenaltyPublicationLimit_AcrossNationalDay2023_SkipsTheHolidayAndCountsTheAdjustedWeekend()
    {
        // Decided Thu 2023-09-28; 09-29..10-06 off, Sat 10-07 and Sun 10-08 working: 10-07, 08, 09, 10, 11, 12, 13.
        Rules.PenaltyPublicationLimit(Calendar, D("2023-09-28")).ShouldBe(new Deadline(D("2023-10-13"), false));
    }

    [Fact]
    public void PenaltyPublicationLimit_AcrossNationalDay2024_EndsOnTheAdjustedSaturday()
    {
        // Decided Fri 2024-09-27; Sun 09-29 working, 10-01..10-07 off, Sat 10-12 working.
        Rules.PenaltyPublicationLimit(Calendar, D("2024-09-27")).Date.ShouldBe(D("2024-10-12"));
    }

    [Fact]
    public void OtherPublicationLimit_IsTwentyWorkingDays()
    {
        Rules.OtherPublicationLimit(Calendar, D("2024-09-27")).Date.ShouldBe(D("2024-10-30"));
    }

    [Fact]
    public void WithdrawalLimit_WhenChangedBeforeNationalDay_IsThreeWorkingDaysAfter()
    {
        Rules.WithdrawalLimit(Calendar, D("2024-09-30")).Date.ShouldBe(D("2024-10-10"));
    }

    [Fact]
    public void Limits_InAYearWithoutSchedule_AreProvisional()
    {
        Rules.PenaltyPublicationLimit(Calendar, D("2027-03-01")).Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Limits_FollowTheConfiguredNumbers()
    {
        var rules = new PublicityRules { PenaltyDecisionWorkingDays = 5, WithdrawalWorkingDays = 1 };

        rules.PenaltyPublicationLimit(Calendar, D("2023-09-28")).Date.ShouldBe(D("2023-10-11"));
        rules.WithdrawalLimit(Calendar, D("2023-09-28")).Date.ShouldBe(D("2023-10-07"));
    }

    [Theory]
    [InlineData(PartyType.NaturalPerson, "4999.99", "给予处罚", PublicationPeriod.Short)]
    [InlineData(PartyType.NaturalPerson, "5000", "给予处罚", PublicationPeriod.Long)] // 不含本数
    [InlineData(PartyType.LegalPerson, "49999", "罚款", PublicationPeriod.Short)]
    [InlineData(PartyType.OtherOrganisation, "50000", "罚款", PublicationPeriod.Long)]
    [InlineData(null, "6000", "罚款", PublicationPeriod.Long)] // unknown party: the natural-person amount
    [InlineData(PartyType.LegalPerson, "1000", "罚款并没收违法所得", PublicationPeriod.Long)]
    [InlineData(PartyType.LegalPerson, "1000", "罚款,暂扣许可证件", PublicationPeriod.Long)]
    [InlineData(PartyType.NaturalPerson, null, "警告", PublicationPeriod.Short)]
    [InlineData(PartyType.LegalPerson, "0", "通报批评", PublicationPeriod.Short)]
    [InlineData(PartyType.LegalPerson, null, "警告并责令停产停业", PublicationPeriod.Long)]
    [InlineData(PartyType.LegalPerson, null, "给予处罚", PublicationPeriod.Long)] // says nothing: the long period
    [InlineData(PartyType.LegalPerson, null, null, PublicationPeriod.Long)]
    public void PeriodOf_FollowsSamrOrder45(PartyType? type, string? fine, string? outcome, PublicationPeriod expected)
    {
        Rules.PeriodOf(type, fine is null ? null : decimal.Parse(fine, System.Globalization.CultureInfo.InvariantCulture), outcome).ShouldBe(expected);
    }

    [Fact]
    public void PeriodOf_WithConfiguredSmallFineAmount_UsesIt()
    {
        var rules = new PublicityRules { SmallFineBelowOrganisation = 10_000m };

        rules.PeriodOf(PartyType.LegalPerson, 20_000m, "罚款").ShouldBe(PublicationPeriod.Long);
    }

    [Fact]
    public void LastDayShown_WhenItFallsOnAHoliday_DoesNotMove()
    {
        // Published 2023-07-01: three months end on 2023-10-01 (National Day) and the decision leaves the portal after it.
        Rules.LastDayShown(D("2023-07-01"), PublicationPeriod.Short).ShouldBe(D("2023-10-01"));
        Rules.IsShown(D("2023-07-01"), PublicationPeriod.Short, D("2023-10-01")).ShouldBeTrue();
        Rules.IsShown(D("2023-07-01"), PublicationPeriod.Short, D("2023-10-02")).ShouldBeFalse();
    }

    [Fact]
    public void LastDayShown_WithoutCorrespondingDay_IsTheLastDayOfTheMonth()
    {
        Rules.LastDayShown(D("2023-11-30"), PublicationPeriod.Short).ShouldBe(D("2024-02-29"));
        Rules.LastDayShown(D("2021-02-28"), PublicationPeriod.Long).ShouldBe(D("2024-02-28"));
    }

    [Fact]
    public void IsShown_BeforePublicationDate_IsFalse()
    {
        Rules.IsShown(D("2024-05-10"), PublicationPeriod.Long, D("2024-05-09")).ShouldBeFalse();
        Rules.IsShown(null, PublicationPeriod.Long, D("2024-05-09")).ShouldBeFalse();
    }

    [Fact]
    public void EarliestShownPublication_AtMonthEnd_IsTheFirstDayWhosePeriodReachesToday()
    {
        // 2023-02-28 + 3 months = 2023-05-28 < 05-31, so on 05-31 the earliest shown publication is 03-01.
        Rules.EarliestShownPublication(D("2023-05-31"), PublicationPeriod.Short).ShouldBe(D("2023-03-01"));
    }

    [Theory]
    [InlineData("2023-05-31")]
    [InlineData("2024-02-29")]
    [InlineData("2024-03-01")]
    [InlineData("2024-12-31")]
    public void EarliestShownPublication_AgreesWithIsShownForEveryDay(string todayText)
    {
        var today = D(todayText);
        foreach (var period in new[] { PublicationPeriod.Short, PublicationPeriod.Long })
        {
            var cutoff = Rules.EarliestShownPublication(today, period);
            for (var p = today.AddYears(-4); p <= today.AddDays(3); p = p.AddDays(1))
                (p >= cutoff && p <= today).ShouldBe(Rules.IsShown(p, period, today), $"{period} published {p} today {today}");
        }
    }

    [Fact]
    public void Problems_OfDefaults_AreNone_AndOfNonsense_AreNamed()
    {
        new PublicityRules().Problems().ShouldBeEmpty();
        var problems = new PublicityRules { WithdrawalWorkingDays = 0, ShortPeriodMonths = 48 }.Problems();
        problems.ShouldContain(p => p.Contains("WithdrawalWorkingDays"));
        problems.ShouldContain(p => p.Contains("ShortPeriodMonths"));
    }
}
