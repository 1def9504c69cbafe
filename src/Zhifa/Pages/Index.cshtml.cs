using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Statistics;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Pages;

/// <summary>首页: the year's supervision figures for the caller's scope (whole district, or the caller's agency).</summary>
public sealed class IndexModel(StatisticsQueries statistics, CallerScope caller, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public SupervisionFigures? Figures { get; private set; }
    public string? Error { get; private set; }

    /// <summary>"(截至11月22日)" when the figures are year to date.</summary>
    public string AsOf => Figures is { } f && (f.Period.To.Month, f.Period.To.Day) != (12, 31) ? $"(截至{f.Period.To.Month}月{f.Period.To.Day}日)" : "";
    public string ScopeText => caller.SeesAllAgencies ? "全部执法主体" : $"本机关 {Figures?.Scope.AgencyCode}";

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.GetLocalNow().Year;
        var outcome = await statistics.YearAsync(Year, clock.Today(), ct);
        if (outcome.IsSuccess)
            Figures = outcome.Value;
        else
            Error = outcome.Error.Message;
    }
}
