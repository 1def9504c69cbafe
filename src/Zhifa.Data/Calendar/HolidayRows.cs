namespace Zhifa.Data.Calendar;

/// <summary>One day of a State Council holiday schedule as stored: an off day or a 调休 working day.</summary>
public sealed class HolidayDayRow
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A loaded year's schedule: which notice it comes from, and who loaded it when.</summary>
public sealed class HolidayYearRow
{
    public int Year { get; set; }
    public string Source { get; set; } = "";
    public DateTimeOffset LoadedAt { get; set; }
    public string? LoadedBy { get; set; }
}
