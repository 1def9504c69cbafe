using System.CommandLine;
using Zhifa.Data.Calendar;
using Zhifa.Domain.Calendar;

namespace Zhifa.Cli;

/// <summary>
/// <c>zhifa calendar load &lt;file&gt;</c>: an administrator loads a year's State Council holiday schedule when it is
/// published (holiday-cn JSON); <c>zhifa calendar show --year Y</c> lists the year's off and 调休 days.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "国务院办公厅节假日安排(holiday-cn JSON 格式)" };
        var load = new Command("load", "载入某年的法定节假日与调休安排") { file };
        load.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var path = pr.GetValue(file)!;
            if (!File.Exists(path))
                return CliOutput.Fail($"文件不存在:{path}");
            var parsed = HolidaySchedule.ParseHolidayCnJson(await File.ReadAllTextAsync(path, ct));
            if (!parsed.IsSuccess)
                return CliOutput.Fail($"{Path.GetFileName(path)}: {parsed.Error!.Message}");
            var saved = await new CalendarStore(target).SaveYearAsync(parsed.Value, Environment.UserName, TimeProvider.System, ct);
            if (!saved.IsSuccess)
                return CliOutput.Fail(saved.Error!.Message);
            Console.WriteLine($"已载入{parsed.Value.Year}年节假日安排:休息日 {parsed.Value.Days.Count(d => d.IsOffDay)} 天,调休上班日 {parsed.Value.Days.Count(d => !d.IsOffDay)} 天");
            return ExitCodes.Ok;
        });

        var year = new Option<int>("--year") { Description = "年份", Required = true };
        var show = new Command("show", "显示某年的节假日与调休安排") { year };
        show.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var calendar = await new CalendarStore(target).LoadAsync(ct);
            var y = pr.GetValue(year);
            var schedule = calendar.Schedules.FirstOrDefault(s => s.Year == y);
            if (schedule is null)
            {
                Console.WriteLine($"{y}年尚未载入国务院节假日安排:按周一至周五为工作日计算,期限标记为\"暂定\"");
                return ExitCodes.Ok;
            }
            foreach (var d in schedule.Days)
                Console.WriteLine($"{d.Date:yyyy-MM-dd} {(d.IsOffDay ? "休" : "班")} {d.Name}");
            return ExitCodes.Ok;
        });
        return new Command("calendar", "工作日日历(法定节假日与调休)") { load, show };
    }
}
