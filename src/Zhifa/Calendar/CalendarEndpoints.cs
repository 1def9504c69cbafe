using Zhifa.Data.Accounts;
using Zhifa.Data.Calendar;
using Zhifa.Data.Storage;
using Zhifa.Domain.Calendar;
using Zhifa.Web;

namespace Zhifa.Calendar;

public sealed record CalendarDayView(DateOnly Date, string Name, bool IsOffDay);

public sealed record CalendarYearView(int Year, bool Scheduled, IReadOnlyList<CalendarDayView> Days);

/// <summary>The working-day calendar: read by everyone signed in, loaded by administrators (API and pages).</summary>
public sealed class CalendarService(DatabaseTarget target, CallerScope scope, TimeProvider clock)
{
    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        var calendar = await new CalendarStore(target).LoadAsync(ct);
        var schedule = calendar.Schedules.FirstOrDefault(s => s.Year == year);
        return new CalendarYearView(year, schedule is not null,
            schedule?.Days.OrderBy(d => d.Date).Select(d => new CalendarDayView(d.Date, d.Name, d.IsOffDay)).ToList() ?? []);
    }

    public async Task<Outcome<CalendarYearView>> LoadAsync(string holidayCnJson, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
            return AppError.Forbidden("只有系统管理员可以载入节假日安排");
        var parsed = HolidaySchedule.ParseHolidayCnJson(holidayCnJson);
        if (!parsed.IsSuccess)
            return AppError.Invalid("file", parsed.Error.Code, parsed.Error.Message);
        var saved = await new CalendarStore(target).SaveYearAsync(parsed.Value, scope.UserName ?? "admin", clock, ct);
        if (!saved.IsSuccess)
            return AppError.Rule(saved.Error);
        return await YearAsync(parsed.Value.Year, ct);
    }
}

public static class CalendarEndpoints
{
    public static void MapCalendar(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar").WithTags("工作日历");
        g.MapGet("/{year:int}", async (int year, CalendarService calendar, CancellationToken ct) => Results.Ok(await calendar.YearAsync(year, ct)))
            .WithSummary("某年的法定节假日与调休上班日")
            .Produces<CalendarYearView>();
        g.MapPost("/", async (HttpRequest request, CalendarService calendar, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                return (await calendar.LoadAsync(await reader.ReadToEndAsync(ct), ct)).ToHttp();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .Accepts<object>("application/json")
            .WithSummary("载入某年的国务院节假日安排(holiday-cn JSON 格式,仅系统管理员)")
            .Produces<CalendarYearView>();
    }
}
