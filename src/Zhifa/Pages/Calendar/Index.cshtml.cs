using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Calendar;
using Zhifa.Web;

namespace Zhifa.Pages.Calendar;

public sealed class IndexModel(CalendarService calendar, TimeProvider clock) : PageModel
{
    public CalendarYearView View { get; private set; } = new(0, false, []);
    public string? Message { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        View = await calendar.YearAsync(year is >= 2000 and <= 2100 ? year.Value : clock.GetLocalNow().Year, ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择 holiday-cn JSON 文件");
            View = await calendar.YearAsync(clock.GetLocalNow().Year, ct);
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var outcome = await calendar.LoadAsync(await reader.ReadToEndAsync(ct), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已载入{outcome.Value.Year}年节假日安排";
            return RedirectToPage(new { year = outcome.Value.Year });
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        ModelState.AddModelError("file", outcome.Error.Message);
        View = await calendar.YearAsync(clock.GetLocalNow().Year, ct);
        return Page();
    }

    public string Weekday(DateOnly d) => "日一二三四五六"[(int)d.DayOfWeek].ToString();
}
