using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Pages.Powers;

/// <summary>The power catalog as the caller sees it, with each power's place on its agency's 重大执法决定法制审核目录 and, for
/// the system administrator and an agency's administrator, the form to list or unlist it with a reason (ADR-022).</summary>
public sealed class IndexModel(CatalogQueries catalog, MajorDecisionList list, ZhifaDbContext db) : PageModel
{
    public string? Agency { get; private set; }
    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];
    public PageOf<PowerView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }

    /// <summary>The codes of the agencies whose list the caller may change.</summary>
    public IReadOnlySet<string> ListableAgencies { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(string? agency, int? page, CancellationToken ct)
    {
        Agency = agency;
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => catalog.PowersAsync(agency, paging, ct));
        var codes = List.Items.Select(p => p.AgencyCode).Distinct().ToList();
        var ids = await db.Agencies.Where(a => codes.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync(ct);
        ListableAgencies = ids.Where(a => list.MayChange(a.Id)).Select(a => a.Code).ToHashSet();
    }

    public async Task<IActionResult> OnPostMajorDecisionAsync(string code, bool listed, string? reason, string? agency, int? page, CancellationToken ct)
    {
        var outcome = await list.SetAsync(code, new MajorDecisionListRequest(listed, reason), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已将职权“{outcome.Value.PowerName}”{(listed ? "列入" : "移出")}本机关重大执法决定法制审核目录";
            return Redirect($"/powers?agency={Uri.EscapeDataString(agency ?? "")}&page={page ?? 1}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        if (outcome.Error.Kind == FailureKind.NotFound)
            return NotFound();
        await OnGetAsync(agency, page, ct);
        Error = outcome.Error.Message;
        return Page();
    }
}
