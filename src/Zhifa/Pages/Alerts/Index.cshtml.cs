using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Alerts;
using Zhifa.Data.Accounts;
using Zhifa.Data.Alerts;
using Zhifa.Web;

namespace Zhifa.Pages.Alerts;

/// <summary>The alert inbox (预警): the supervision office's of every agency, an agency's of its own; filtered and paged.</summary>
public sealed class IndexModel(AlertQueries queries, AlertEvaluator evaluator, CallerScope caller, TimeProvider clock) : PageModel
{
    public AlertFilter Filter { get; private set; } = new(null, null, null);
    public PageOf<AlertView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool SeesAllAgencies => caller.SeesAllAgencies;
    public bool MayEvaluate => caller.Role is Roles.Admin or Roles.Supervisor;

    /// <summary>A moment in the platform's time zone (China Standard Time unless configured).</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? status, string? kind, string? agency, int? page, CancellationToken ct)
    {
        Filter = new AlertFilter(status, kind, agency);
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.ListAsync(Filter, paging, ct));
    }

    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken ct)
    {
        if (!MayEvaluate)
            return Forbid();
        var run = await evaluator.EvaluateAsync(ct);
        Message = $"预警已重新计算:新增 {run.Opened} 条,关闭 {run.Closed} 条,未关闭 {run.Open} 条";
        return RedirectToPage();
    }
}
