using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.CaseFileReviews;
using Zhifa.Web;

namespace Zhifa.Pages.CaseFileReviews;

/// <summary>Scoring one drawn file against the batch's rubric, with every earlier score kept, and recording the problems found.</summary>
public sealed class FileModel(ReviewQueries queries, ReviewCommands commands, TimeProvider clock, Zhifa.Data.Storage.ZhifaDbContext db) : PageModel
{
    /// <summary>A case handled on the platform has a case page to read the file on; imported history has only its row.</summary>
    public bool HasCasePage { get; private set; }

    public ReviewFileView Review { get; private set; } = null!;

    /// <summary>Points (as typed) and notes per item code.</summary>
    [BindProperty]
    public Dictionary<string, string?> Points { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Notes { get; set; } = [];

    [BindProperty]
    public string? FindingItem { get; set; }

    [BindProperty]
    public string? FindingText { get; set; }

    public List<string> Errors { get; } = [];

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    private async Task<bool> LoadAsync(long id, long fileId, CancellationToken ct)
    {
        var file = await queries.FileAsync(id, fileId, ct);
        if (!file.IsSuccess)
            return false;
        Review = file.Value;
        HasCasePage = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.PenaltyCases, p => p.Id == Review.CaseId, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken ct) =>
        await LoadAsync(id, fileId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(long id, long fileId, CancellationToken ct)
    {
        var items = new List<ScoreItemInput>();
        foreach (var (code, text) in Points)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                Errors.Add($"评分项 {code} 的得分\"{text}\"不是数字");
                continue;
            }
            items.Add(new ScoreItemInput(code, points, Notes.GetValueOrDefault(code)));
        }
        if (Errors.Count == 0)
        {
            // Only items whose points or note changed are sent, so an unchanged item gains no new row.
            if (!await LoadAsync(id, fileId, ct))
                return NotFound();
            var changed = items.Where(x => Review.Items.First(i => i.Code == x.Code) is var current
                                           && (current.Points != x.Points || (current.Note ?? "") != (x.Note?.Trim() ?? ""))).ToArray();
            if (changed.Length == 0 && items.Count > 0)
            {
                TempData["message"] = "得分没有变化";
                return Redirect($"/case-file-reviews/{id}/files/{fileId}");
            }
            var outcome = await commands.ScoreAsync(id, fileId, new ScoreRequest(changed.Length > 0 ? changed : [.. items]), ct);
            if (outcome.IsSuccess)
            {
                TempData["message"] = $"已保存 {changed.Length} 项得分";
                return Redirect($"/case-file-reviews/{id}/files/{fileId}");
            }
            if (outcome.Error.Kind == FailureKind.Forbidden)
                return Forbid();
            if (outcome.Error.Kind == FailureKind.NotFound)
                return NotFound();
            Errors.AddRange(outcome.Error.Errors?.SelectMany(e => e.Value) ?? [outcome.Error.Message]);
        }
        return await LoadAsync(id, fileId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFindingAsync(long id, long fileId, CancellationToken ct)
    {
        var outcome = await commands.AddFindingAsync(id, fileId, new FindingRequest(FindingItem, FindingText), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = "已记录发现的问题";
            return Redirect($"/case-file-reviews/{id}/files/{fileId}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        if (outcome.Error.Kind == FailureKind.NotFound)
            return NotFound();
        Errors.AddRange(outcome.Error.Errors?.SelectMany(e => e.Value) ?? [outcome.Error.Message]);
        return await LoadAsync(id, fileId, ct) ? Page() : NotFound();
    }
}
