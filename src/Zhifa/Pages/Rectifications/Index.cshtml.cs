using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Rectifications;
using Zhifa.Rectifications;
using Zhifa.Web;

namespace Zhifa.Pages.Rectifications;

/// <summary>整改通知书: the list the caller may see and, for the supervision office, the form that issues a notice (ADR-020).</summary>
public sealed class IndexModel(RectificationQueries queries, RectificationCommands commands, RectificationSettings settings, CallerScope caller,
    ZhifaDbContext db) : PageModel
{
    public sealed class NoticeForm
    {
        public string? Agency { get; set; }
        public string? Issues { get; set; }
        public string? Deadline { get; set; }
        public string? AlertIds { get; set; }
        public string? FindingIds { get; set; }
    }

    [BindProperty]
    public NoticeForm Input { get; set; } = new();

    public PageOf<RectificationSummary> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool MayDecide => queries.MayDecide;
    public int DefaultWorkingDays => settings.DefaultDeadlineWorkingDays;
    public List<(string Code, string Name)> AgencyOptions { get; private set; } = [];

    public async Task OnGetAsync(int? page, string? agency, string? alert, CancellationToken ct)
    {
        Input.Agency = agency;
        Input.AlertIds = alert;
        await LoadAsync(page, ct);
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.ListAsync(paging, ct));
        if (MayDecide)
            AgencyOptions = (await caller.Agencies(db).AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
                .Select(a => (a.Code, a.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayDecide)
            return Forbid();
        ModelState.Clear();
        var alerts = Ids(Input.AlertIds, "AlertIds");
        var findings = Ids(Input.FindingIds, "FindingIds");
        if (alerts is null || findings is null)
        {
            await LoadAsync(null, ct);
            return Page();
        }
        var outcome = await commands.IssueAsync(new IssueRectificationRequest(Input.Agency, Input.Issues, Input.Deadline, alerts, findings), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已下发整改通知书 {outcome.Value.Number},整改期限 {outcome.Value.Deadline:yyyy年M月d日}";
            return Redirect($"/rectifications/{outcome.Value.Id}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        PageErrors.Add(ModelState, outcome.Error, nameof(Input));
        await LoadAsync(null, ct);
        return Page();
    }

    /// <summary>Ids typed as numbers separated by commas, spaces or 、; null (with the error shown) when one is not a number.</summary>
    private long[]? Ids(string? text, string field)
    {
        var ids = new List<long>();
        foreach (var part in (text ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ModelState.AddModelError($"Input.{field}", $"\"{part}\"不是编号,请填写数字编号,以逗号分隔");
                return null;
            }
            ids.Add(id);
        }
        return [.. ids];
    }
}
