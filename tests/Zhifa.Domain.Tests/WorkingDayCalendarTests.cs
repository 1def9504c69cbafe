using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.CreateDefault();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2023-10-02", false)] // National Day, a Monday
    [InlineData("2023-10-07", true)]  // Saturday made a working day (调休)
    [InlineData("2023-10-14", false)] // ordinary Saturday
    [InlineData("2023-10-16", true)]  // ordinary Monday
    [InlineData("2018-12-29", true)]  // Saturday made a working day by the 2019 notice
    [InlineData("2018-12-31", false)] // Monday off by the 2019 notice
    [InlineData("2020-01-31", false)] // Spring Festival extended by the second 2020 notice
    public void IsWorkingDay_WhenScheduledYear_FollowsTheNotice(string date, bool expected)
    {
        Calendar.IsWorkingDay(D(date)).ShouldBe(expected);
    }

    [Fact]
    public void AddWorkingDays_WhenCrossingNationalDay2023_SkipsHolidaysAndCountsAdjustedWeekend()
    {
        Calendar.AddWorkingDays(D("2023-09-28"), 7).ShouldBe(new Deadline(D("2023-10-13"), false));
    }

    [Fact]
    public void AddWorkingDays_WhenNextWorkingDayIsAdjustedSunday_LandsOnThatSunday()
    {
        Calendar.AddWorkingDays(D("2024-02-09"), 1).ShouldBe(new Deadline(D("2024-02-18"), false));
    }

    [Fact]
    public void AddWorkingDays_WhenZero_ReturnsStart()
    {
        Calendar.AddWorkingDays(D("2024-02-10"), 0).Date.ShouldBe(D("2024-02-10"));
    }

    [Fact]
    public void AddWorkingDays_WhenNegative_CountsBack()
    {
        // Notice of a hearing 7 working days ahead: the latest day to send it for a hearing on 2023-10-13.
        Calendar.AddWorkingDays(D("2023-10-13"), -7).Date.ShouldBe(D("2023-09-28"));
    }

    [Fact]
    public void AddCalendarDays_WhenLastDayIsHoliday_MovesToNextWorkingDay()
    {
        // 2023-07-02 + 90 = 2023-09-30 (off, 中秋节、国庆节 09-29..10-06); 10-07 is a Saturday made a working day.
        Calendar.AddCalendarDays(D("2023-07-02"), 90).ShouldBe(new Deadline(D("2023-10-07"), false));
    }

    [Fact]
    public void AddCalendarDays_WhenLastDayIsAdjustedWorkingSunday_DoesNotMove()
    {
        Calendar.AddCalendarDays(D("2023-09-08"), 30).Date.ShouldBe(D("2023-10-08"));
    }

    [Fact]
    public void AddCalendarDays_WhenLastDayIsOrdinarySaturday_MovesToMonday()
    {
        Calendar.AddCalendarDays(D("2023-10-09"), 5).Date.ShouldBe(D("2023-10-16"));
    }

    [Fact]
    public void AddCalendarDays_WhenLastDayIsWorkingDay_DoesNotCountStartDay()
    {
        Calendar.AddCalendarDays(D("2024-03-01"), 14).Date.ShouldBe(D("2024-03-15"));
    }

    [Fact]
    public void AddWorkingDays_WhenYearHasNoSchedule_FallsBackToMondayToFridayAndIsProvisional()
    {
        Calendar.HasSchedule(2028).ShouldBeFalse();

        // 2028-01-03 is a Monday: five working days later is the next Monday.
        Calendar.AddWorkingDays(D("2028-01-03"), 5).ShouldBe(new Deadline(D("2028-01-10"), true));
    }

    [Fact]
    public void AddCalendarDays_WhenCrossingIntoUnscheduledYear_IsProvisional()
    {
        // 2027-01-01 is a Friday, a working day by the fallback rule, which the real notice will likely change.
        Calendar.AddCalendarDays(D("2026-12-25"), 7).ShouldBe(new Deadline(D("2027-01-01"), true));
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_WhenWorkingDay_ReturnsSameDay()
    {
        Calendar.NextWorkingDayOnOrAfter(D("2023-10-08")).ShouldBe(D("2023-10-08"));
        Calendar.NextWorkingDayOnOrAfter(D("2023-09-29")).ShouldBe(D("2023-10-07"));
    }

    [Fact]
    public void HasSchedule_WhenDefaultCalendar_Covers2015To2026Only()
    {
        Enumerable.Range(2015, 12).ShouldAllBe(year => Calendar.HasSchedule(year));
        Calendar.HasSchedule(2014).ShouldBeFalse();
        Calendar.HasSchedule(2027).ShouldBeFalse();
    }

    [Fact]
    public void With_WhenAdministratorLoadsNewYear_DeadlinesInThatYearAreNoLongerProvisional()
    {
        var schedule2028 = HolidaySchedule.Create(2028, ["https://www.gov.cn/example"],
            [new HolidayDay(D("2028-01-04"), "测试假日", true)]).Value;

        var calendar = Calendar.With(schedule2028).Value;

        calendar.AddWorkingDays(D("2028-01-03"), 5).ShouldBe(new Deadline(D("2028-01-11"), false));
        Calendar.HasSchedule(2028).ShouldBeFalse(); // the original is unchanged
    }

    [Fact]
    public void With_WhenYearAlreadyLoaded_Fails()
    {
        var again = Calendar.Schedules[0];

        Calendar.With(again).Error!.Code.ShouldBe("calendar.duplicate_year");
    }

    [Fact]
    public void IsWorkingDay_WhenCalendarHasNoSchedules_IsMondayToFriday()
    {
        var empty = WorkingDayCalendar.Create([]).Value;

        empty.IsWorkingDay(D("2023-10-02")).ShouldBeTrue();
        empty.IsWorkingDay(D("2023-10-07")).ShouldBeFalse();
    }
}
