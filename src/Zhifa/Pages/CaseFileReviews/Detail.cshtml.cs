using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.CaseFileReviews;
using Zhifa.Web;

namespace Zhifa.Pages.CaseFileReviews;

/// <summary>A batch: its sampling parameters and seed, the files drawn with their progress, the results per agency and the total.</summary>
public sealed class DetailModel(ReviewQueries queries, ReviewCommands commands, TimeProvider clock) : PageModel
{
    public ReviewBatchView Batch { get; private set; } = null!;
    public ReviewResultsView Results { get; private set; } = null!;
    public string? Error { get; private set; }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var batch = await queries.GetAsync(id, ct);
        if (!batch.IsSuccess)
            return NotFound();
        Batch = batch.Value;
        Results = (await queries.ResultsAsync(id, ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostFinishAsync(long id, CancellationToken ct)
    {
        var outcome = await commands.FinishAsync(id, ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = "评查已结束,结果已确定";
            return Redirect($"/case-file-reviews/{id}");
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
