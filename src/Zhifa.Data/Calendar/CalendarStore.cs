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
    /// <remarks>Plain SQL rather than EF: every report and statistics request loads the calendar, and building the
    /// EF model costs more than the query.</remarks>
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken ct = default)
    {
        await using var conn = await target.OpenConnectionAsync(ct);
        return await LoadAsync(conn, null, ct);
    }

    /// <summary>
    /// The calendar read on a connection the caller has open, within its transaction if it has one: a request reads it
    /// on its own connection rather than taking a second one from the pool.
    /// </summary>
    public static async Task<WorkingDayCalendar> LoadAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction? tx = null,
        CancellationToken ct = default)
    {
        var years = new List<(int Year, string Source)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT year, source FROM holiday_years";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                years.Add((r.GetInt32(0), r.GetString(1)));
        }
        if (years.Count == 0)
            return WorkingDayCalendar.CreateDefault();
        var days = new List<(int Year, HolidayDay Day)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT year, date, name, is_off_day FROM holiday_days";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                days.Add((r.GetInt32(0), new HolidayDay(r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetBoolean(3))));
        }
        var byYear = days.ToLookup(d => d.Year, d => d.Day);
        var loaded = years.Select(y => HolidaySchedule.Create(y.Year, y.Source.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            byYear[y.Year]).Value).ToList();
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
