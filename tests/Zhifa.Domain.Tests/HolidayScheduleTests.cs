using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests;

public class HolidayScheduleTests
{
    private const string Json2024Excerpt = """
        {
            "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
            "year": 2024,
            "papers": ["https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm"],
            "days": [
                { "name": "春节", "date": "2024-02-10", "isOffDay": true },
                { "name": "元旦", "date": "2024-01-01", "isOffDay": true },
                { "name": "春节", "date": "2024-02-04", "isOffDay": false },
                { "name": "春节", "date": "2024-02-18", "isOffDay": false }
            ]
        }
        """;

    private static string Json(int year, string papers, string days) =>
        $$"""{"year":{{year}},"papers":[{{papers}}],"days":[{{days}}]}""";

    [Fact]
    public void ParseHolidayCnJson_WhenValid_ReadsYearNoticesAndSortedDays()
    {
        var schedule = HolidaySchedule.ParseHolidayCnJson(Json2024Excerpt).Value;

        schedule.Year.ShouldBe(2024);
        schedule.Notices.ShouldBe(["https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm"]);
        schedule.Days.Select(d => d.Date.ToString("MM-dd", null)).ShouldBe(["01-01", "02-04", "02-10", "02-18"]);
        schedule.Days[1].ShouldBe(new HolidayDay(new DateOnly(2024, 2, 4), "春节", false));
    }

    [Fact]
    public void ParseHolidayCnJson_WhenDayFallsInPreviousDecember_IsAccepted()
    {
        var json = Json(2019, "\"https://example\"", """{"name":"元旦","date":"2018-12-29","isOffDay":false}""");

        HolidaySchedule.ParseHolidayCnJson(json).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ParseHolidayCnJson_WhenDayBelongsToAnotherYear_FailsNamingTheDate()
    {
        var json = Json(2024, "\"https://example\"", """{"name":"元旦","date":"2023-06-01","isOffDay":true}""");

        var error = HolidaySchedule.ParseHolidayCnJson(json).Error!;

        error.Code.ShouldBe("holiday_schedule.date_out_of_year");
        error.Message.ShouldBe("2024年节假日安排中的日期2023-06-01不属于该年度");
    }

    [Fact]
    public void ParseHolidayCnJson_WhenDateRepeats_Fails()
    {
        var day = """{"name":"元旦","date":"2024-01-01","isOffDay":true}""";

        var error = HolidaySchedule.ParseHolidayCnJson(Json(2024, "\"https://example\"", day + "," + day)).Error!;

        error.Code.ShouldBe("holiday_schedule.duplicate_date");
        error.Message.ShouldBe("2024年节假日安排中日期2024-01-01重复");
    }

    [Fact]
    public void ParseHolidayCnJson_WhenScheduleIsEmptyLikeUnpublished2027_Fails()
    {
        HolidaySchedule.ParseHolidayCnJson(Json(2027, "", "")).Error!.Code.ShouldBe("holiday_schedule.no_notice");
        HolidaySchedule.ParseHolidayCnJson(Json(2027, "\"https://example\"", "")).Error!.Code.ShouldBe("holiday_schedule.no_days");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"papers":[]}""")]
    public void ParseHolidayCnJson_WhenMalformed_FailsWithChineseMessage(string json)
    {
        HolidaySchedule.ParseHolidayCnJson(json).Error!.Code.ShouldBe("holiday_schedule.json");
    }

    [Fact]
    public void ParseHolidayCnJson_WhenDateIsMalformed_NamesIt()
    {
        var json = Json(2024, "\"https://example\"", """{"name":"元旦","date":"2024/01/01","isOffDay":true}""");

        HolidaySchedule.ParseHolidayCnJson(json).Error!.Message.ShouldBe("节假日安排中的日期'2024/01/01'无效，应为yyyy-MM-dd");
    }
}
