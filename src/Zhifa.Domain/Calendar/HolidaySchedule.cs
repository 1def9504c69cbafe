using System.Globalization;
using System.Text.Json;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Calendar;

/// <summary>
/// One year's State Council holiday schedule (国务院办公厅关于某年部分节假日安排的通知) with the notice(s)
/// it comes from. A schedule may list days of the adjacent December or January: the 2019 notice, for
/// example, sets 2018-12-29 as a working day and 2018-12-30/31 off for New Year.
/// </summary>
public sealed class HolidaySchedule
{
    private HolidaySchedule(int year, IReadOnlyList<string> notices, IReadOnlyList<HolidayDay> days)
    {
        Year = year;
        Notices = notices;
        Days = days;
    }

    public int Year { get; }

    /// <summary>URLs of the notices, in publication order (a later notice may amend an earlier one).</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>The listed days, sorted by date.</summary>
    public IReadOnlyList<HolidayDay> Days { get; }

    public static Result<HolidaySchedule> Create(int year, IEnumerable<string> notices, IEnumerable<HolidayDay> days)
    {
        if (year is < 1950 or > 9998)
            return Error("year", $"年度{year}无效");

        var noticeList = notices.Select(n => n?.Trim() ?? "").ToList();
        if (noticeList.Count == 0)
            return Error("no_notice", $"{year}年节假日安排缺少国务院通知来源");
        if (noticeList.Any(n => n.Length == 0))
            return Error("empty_notice", $"{year}年节假日安排的通知来源不能为空");

        var dayList = days.OrderBy(d => d.Date).ToList();
        // An empty schedule would mark the year as known and hide that its deadlines are provisional.
        if (dayList.Count == 0)
            return Error("no_days", $"{year}年节假日安排没有任何日期，可能尚未公布");

        var first = new DateOnly(year - 1, 12, 1);
        var last = new DateOnly(year + 1, 1, 31);
        for (var i = 0; i < dayList.Count; i++)
        {
            var day = dayList[i];
            if (day.Date < first || day.Date > last)
                return Error("date_out_of_year", $"{year}年节假日安排中的日期{Format(day.Date)}不属于该年度");
            if (string.IsNullOrWhiteSpace(day.Name))
                return Error("no_name", $"{year}年节假日安排中{Format(day.Date)}缺少节日名称");
            if (i > 0 && dayList[i - 1].Date == day.Date)
                return Error("duplicate_date", $"{year}年节假日安排中日期{Format(day.Date)}重复");
        }

        return new HolidaySchedule(year, noticeList, dayList);
    }

    /// <summary>
    /// Reads the holiday-cn JSON format (github.com/NateScarlet/holiday-cn):
    /// <c>{"year":2024,"papers":[url],"days":[{"name":"春节","date":"2024-02-10","isOffDay":true}]}</c>.
    /// </summary>
    public static Result<HolidaySchedule> ParseHolidayCnJson(string json)
    {
        HolidayCnFile? file;
        try
        {
            file = JsonSerializer.Deserialize<HolidayCnFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return Error("json", $"节假日安排文件格式错误：{ex.Message}");
        }
        if (file?.Year is not { } year || file.Days is null)
            return Error("json", "节假日安排文件缺少year或days字段");

        var days = new List<HolidayDay>();
        foreach (var d in file.Days)
        {
            if (d.IsOffDay is not { } isOffDay)
                return Error("json", $"节假日安排中{d.Date}缺少isOffDay字段");
            if (!DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Error("date", $"节假日安排中的日期'{d.Date}'无效，应为yyyy-MM-dd");
            days.Add(new HolidayDay(date, d.Name ?? "", isOffDay));
        }
        return Create(year, file.Papers ?? [], days);
    }

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DomainError Error(string code, string message) => new($"holiday_schedule.{code}", message);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record HolidayCnFile(int? Year, List<string>? Papers, List<HolidayCnDay>? Days);

    private sealed record HolidayCnDay(string? Name, string? Date, bool? IsOffDay);
}
