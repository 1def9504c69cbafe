namespace Zhifa.Domain.Calendar;

/// <summary>
/// One day of a State Council holiday schedule: an off day (<paramref name="IsOffDay"/> true, 休)
/// or a day made a working day (false, 班 / 调休), usually a weekend day.
/// </summary>
public readonly record struct HolidayDay(DateOnly Date, string Name, bool IsOffDay);
