using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Rectifications;
using Zhifa.Web;

namespace Zhifa.Pages.Rectifications;

/// <summary>A 整改通知书: its issues, deadline, sources and history, with the forms to answer (agency) or accept and return (office).</summary>
public sealed class DetailModel(RectificationQueries queries, RectificationCommands commands, TimeProvider clock) : PageModel
{
    public RectificationView Notice { get; private set; } = null!;
    public string? Error { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var notice = await queries.GetAsync(id, ct);
        if (!notice.IsSuccess)
            return NotFound();
        Notice = notice.Value;
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) =>
        ActAsync(id, () => commands.AnswerAsync(id, new RectificationTextRequest(Text), ct), "已回复整改情况", ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        ActAsync(id, () => commands.AcceptAsync(id, new RectificationTextRequest(Text), ct), "整改已通过", ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        ActAsync(id, () => commands.ReturnAsync(id, new RectificationTextRequest(Text), ct), "已退回,等待执法机关再次回复", ct);

    private async Task<IActionResult> ActAsync(long id, Func<Task<Outcome<RectificationView>>> act, string done, CancellationToken ct)
    {
        var outcome = await act();
        if (outcome.IsSuccess)
        {
            TempData["message"] = done;
            return Redirect($"/rectifications/{id}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        if (outcome.Error.Kind == FailureKind.NotFound)
            return NotFound();
        var page = await OnGetAsync(id, ct);
        Error = outcome.Error.Message;
        return page;
    }
}
