namespace Zhifa.Domain.Calendar;

/// <summary>
/// A computed legal date. <paramref name="Provisional"/> is true when the computation crossed a year
/// without a published holiday schedule (counted Mon–Fri); it must be recomputed once the schedule is loaded.
/// </summary>
public readonly record struct Deadline(DateOnly Date, bool Provisional);
