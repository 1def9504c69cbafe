using Zhifa.Domain.Common;

namespace Zhifa.Domain.Calendar;

/// <summary>
/// Working days per the State Council holiday schedules, including weekend days made working days (调休).
/// Years without a schedule fall back to Monday–Friday, and deadlines crossing them are provisional.
/// Immutable; <see cref="IsWorkingDay"/> is an array lookup because statistics call it millions of times.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Default = new(() => Create(HolidayTable.LoadEmbedded()).Value);

    private readonly HashSet<int> _scheduledYears;
    private readonly int _firstDayNumber;
    private readonly bool[] _isWorkingDay; // indexed by DayNumber - _firstDayNumber

    private WorkingDayCalendar(IReadOnlyList<HolidaySchedule> schedules)
    {
        Schedules = schedules;
        _scheduledYears = schedules.Select(s => s.Year).ToHashSet();
        if (schedules.Count == 0)
        {
            _isWorkingDay = [];
            return;
        }

        var first = new DateOnly(schedules.Min(s => s.Year), 1, 1);
        var last = new DateOnly(schedules.Max(s => s.Year), 12, 31);
        foreach (var day in schedules.SelectMany(s => s.Days))
        {
            if (day.Date < first) first = day.Date;
            if (day.Date > last) last = day.Date;
        }

        _firstDayNumber = first.DayNumber;
        _isWorkingDay = new bool[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < _isWorkingDay.Length; i++)
            _isWorkingDay[i] = IsMondayToFriday(DateOnly.FromDayNumber(_firstDayNumber + i));
        foreach (var day in schedules.SelectMany(s => s.Days))
            _isWorkingDay[day.Date.DayNumber - _firstDayNumber] = !day.IsOffDay;
    }

    /// <summary>The schedules the calendar was built from, ordered by year.</summary>
    public IReadOnlyList<HolidaySchedule> Schedules { get; }

    /// <summary>The calendar from the holiday table shipped with the product (2015–2026).</summary>
    public static WorkingDayCalendar CreateDefault() => Default.Value;

    public static Result<WorkingDayCalendar> Create(IEnumerable<HolidaySchedule> schedules)
    {
        var list = schedules.OrderBy(s => s.Year).ToList();
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0 && list[i - 1].Year == list[i].Year)
                return Error("duplicate_year", $"{list[i].Year}年的节假日安排重复");
            foreach (var day in list[i].Days)
            {
                if (!seen.TryAdd(day.Date, list[i].Year))
                    return Error("duplicate_date",
                        $"日期{HolidaySchedule.Format(day.Date)}同时出现在{seen[day.Date]}年和{list[i].Year}年的节假日安排中");
            }
        }
        return new WorkingDayCalendar(list);
    }

    /// <summary>A new calendar with one more year's schedule (loaded by an administrator).</summary>
    public Result<WorkingDayCalendar> With(HolidaySchedule schedule) => Create(Schedules.Append(schedule));

    public bool HasSchedule(int year) => _scheduledYears.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        var i = date.DayNumber - _firstDayNumber;
        return (uint)i < (uint)_isWorkingDay.Length ? _isWorkingDay[i] : IsMondayToFriday(date);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The <paramref name="n"/>th working day after <paramref name="start"/> (start is day 0); a negative
    /// <paramref name="n"/> counts back. 行政处罚法 第八十五条: 期限中的"二日、三日、五日、七日"指工作日.
    /// </summary>
    public Deadline AddWorkingDays(DateOnly start, int n)
    {
        var step = Math.Sign(n);
        var date = start;
        for (var remaining = Math.Abs(n); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                remaining--;
        }
        return new Deadline(date, IsProvisional(start, date));
    }

    /// <summary>
    /// A period of <paramref name="n"/> calendar days: the start day is not counted, and a last day that is
    /// not a working day (statutory holiday or weekend) moves to the next working day, while a weekend day
    /// made a working day (调休) does not move. 民事诉讼法 第八十五条, applied by 行政复议法 第八十八条.
    /// </summary>
    public Deadline AddCalendarDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var date = NextWorkingDayOnOrAfter(start.AddDays(n));
        return new Deadline(date, IsProvisional(start, date));
    }

    private bool IsProvisional(DateOnly a, DateOnly b)
    {
        for (var year = Math.Min(a.Year, b.Year); year <= Math.Max(a.Year, b.Year); year++)
        {
            if (!HasSchedule(year))
                return true;
        }
        return false;
    }

    private static bool IsMondayToFriday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DomainError Error(string code, string message) => new($"calendar.{code}", message);
}
