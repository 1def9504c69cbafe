using System.Globalization;
using System.Reflection;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Calendar;

/// <summary>
/// The product's own holiday table (format in Calendar/Holidays/README.md), embedded in this assembly:
/// <c>holidays.csv</c> (日期,类型,名称,年度 with 类型 休 or 班) and <c>holidays-sources.csv</c> (年度,通知).
/// Years after the embedded ones are loaded by an administrator.
/// </summary>
public static class HolidayTable
{
    private const string ResourcePrefix = "Zhifa.Domain.Calendar.Holidays.";
    private const string DaysHeader = "日期,类型,名称,年度";
    private const string SourcesHeader = "年度,通知";

    /// <summary>The schedules shipped with the product, ordered by year. Broken embedded data is a bug and throws.</summary>
    public static IReadOnlyList<HolidaySchedule> LoadEmbedded()
    {
        var result = ParseCsv(ReadResource("holidays.csv"), ReadResource("holidays-sources.csv"));
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"Embedded holiday table is invalid: {result.Error.Code} {result.Error.Message}");
    }

    /// <summary>Parses the two CSV files (UTF-8 text, no quoting: names never contain commas).</summary>
    public static Result<IReadOnlyList<HolidaySchedule>> ParseCsv(string holidaysCsv, string sourcesCsv)
    {
        var notices = new Dictionary<int, List<string>>();
        var sourceRows = Rows(sourcesCsv, SourcesHeader, 2);
        if (!sourceRows.IsSuccess)
            return sourceRows.Error;
        foreach (var (line, fields) in sourceRows.Value)
        {
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return Error("year", $"通知来源表第{line}行年度'{fields[0]}'无效");
            (notices.TryGetValue(year, out var list) ? list : notices[year] = []).Add(fields[1]);
        }

        var days = new Dictionary<int, List<HolidayDay>>();
        var dayRows = Rows(holidaysCsv, DaysHeader, 4);
        if (!dayRows.IsSuccess)
            return dayRows.Error;
        foreach (var (line, f) in dayRows.Value)
        {
            if (!DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Error("date", $"节假日表第{line}行日期'{f[0]}'无效，应为yyyy-MM-dd");
            if (f[1] is not ("休" or "班"))
                return Error("kind", $"节假日表第{line}行类型'{f[1]}'无效，应为休或班");
            if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return Error("year", $"节假日表第{line}行年度'{f[3]}'无效");
            (days.TryGetValue(year, out var list) ? list : days[year] = []).Add(new HolidayDay(date, f[2], f[1] == "休"));
        }

        var schedules = new List<HolidaySchedule>();
        foreach (var year in days.Keys.Union(notices.Keys).Order())
        {
            var schedule = HolidaySchedule.Create(year, notices.GetValueOrDefault(year) ?? [], days.GetValueOrDefault(year) ?? []);
            if (!schedule.IsSuccess)
                return schedule.Error;
            schedules.Add(schedule.Value);
        }
        return schedules;
    }

    private static Result<List<(int Line, string[] Fields)>> Rows(string csv, string header, int fieldCount)
    {
        var lines = csv.ReplaceLineEndings("\n").TrimStart('\uFEFF').Split('\n');
        if (lines[0].Trim() != header)
            return Error("header", $"表头应为'{header}'，实际为'{lines[0].Trim()}'");

        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            var fields = lines[i].Split(',').Select(s => s.Trim()).ToArray();
            if (fields.Length != fieldCount)
                return Error("fields", $"第{i + 1}行应有{fieldCount}列，实际为{fields.Length}列");
            rows.Add((i + 1, fields));
        }
        return rows;
    }

    private static string ReadResource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{file} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static DomainError Error(string code, string message) => new($"holiday_table.{code}", message);
}
