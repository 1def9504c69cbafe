using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests;

public class HolidayTableTests
{
    [Fact]
    public void LoadEmbedded_WhenShipped_Covers2015To2026AndNot2027()
    {
        var schedules = HolidayTable.LoadEmbedded();

        schedules.Select(s => s.Year).ShouldBe(Enumerable.Range(2015, 12));
        schedules.ShouldAllBe(s => s.Notices.Count > 0 && s.Days.Count > 0);
    }

    [Fact]
    public void LoadEmbedded_When2020_HasBothNotices()
    {
        HolidayTable.LoadEmbedded().Single(s => s.Year == 2020).Notices.Count.ShouldBe(2);
    }

    [Fact]
    public void ParseCsv_WhenValid_GroupsRowsByNoticeYear()
    {
        var schedules = HolidayTable.ParseCsv(
            "日期,类型,名称,年度\n2018-12-29,班,元旦,2019\n2019-01-01,休,元旦,2019\n",
            "年度,通知\n2019,https://example\n").Value;

        schedules.Count.ShouldBe(1);
        schedules[0].Year.ShouldBe(2019);
        schedules[0].Days[0].ShouldBe(new HolidayDay(new DateOnly(2018, 12, 29), "元旦", false));
    }

    [Fact]
    public void ParseCsv_WhenKindIsUnknown_FailsNamingTheLine()
    {
        var error = HolidayTable.ParseCsv("日期,类型,名称,年度\n2019-01-01,假,元旦,2019\n", "年度,通知\n2019,https://example\n").Error!;

        error.Code.ShouldBe("holiday_table.kind");
        error.Message.ShouldBe("节假日表第2行类型'假'无效，应为休或班");
    }

    [Fact]
    public void ParseCsv_WhenYearHasNoNotice_Fails()
    {
        HolidayTable.ParseCsv("日期,类型,名称,年度\n2019-01-01,休,元旦,2019\n", "年度,通知\n")
            .Error!.Code.ShouldBe("holiday_schedule.no_notice");
    }
}
