using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

namespace Zhifa.Data.Calendar;

/// <summary>
/// The working-day calendar in force: the product's own table (2015–2026, embedded) plus every year an
/// administrator loaded into the database, which replaces the embedded year when both exist.
/// </summary>
public sealed class CalendarStore(DatabaseTarget target)
{
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken ct = default)
    {
        await using var db = target.CreateContext();
        var years = await db.HolidayYears.AsNoTracking().ToListAsync(ct);
        if (years.Count == 0)
            return WorkingDayCalendar.CreateDefault();
        var days = (await db.HolidayDays.AsNoTracking().ToListAsync(ct)).ToLookup(d => d.Year);
        var loaded = years.Select(y => HolidaySchedule.Create(y.Year, y.Source.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            days[y.Year].Select(d => new HolidayDay(d.Date, d.Name, d.IsOffDay))).Value).ToList();
        var loadedYears = loaded.Select(s => s.Year).ToHashSet();
        var schedules = HolidayTable.LoadEmbedded().Where(s => !loadedYears.Contains(s.Year)).Concat(loaded);
        return WorkingDayCalendar.Create(schedules).Value;
    }

    /// <summary>Stores a year's schedule (replacing an earlier load of the same year) in one transaction.</summary>
    public async Task<Result<HolidaySchedule>> SaveYearAsync(HolidaySchedule schedule, string actor, TimeProvider clock, CancellationToken ct = default)
    {
        var current = await LoadAsync(ct);
        var check = WorkingDayCalendar.Create(current.Schedules.Where(s => s.Year != schedule.Year).Append(schedule));
        if (!check.IsSuccess)
            return check.Error!;
        await using var db = target.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.HolidayDays.Where(d => d.Year == schedule.Year).ExecuteDeleteAsync(ct);
        await db.HolidayYears.Where(y => y.Year == schedule.Year).ExecuteDeleteAsync(ct);
        db.HolidayYears.Add(new HolidayYearRow
        {
            Year = schedule.Year,
            Source = string.Join('\n', schedule.Notices),
            LoadedAt = clock.GetUtcNow(),
            LoadedBy = actor,
        });
        db.HolidayDays.AddRange(schedule.Days.Select(d => new HolidayDayRow { Date = d.Date, Year = schedule.Year, IsOffDay = d.IsOffDay, Name = d.Name }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return schedule;
    }
}
