using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>The penalty cases the caller may see, filtered by stage, by deadline and to the caller's own, paged.</summary>
public sealed class IndexModel(PenaltyCaseQueries queries, CallerScope caller) : PageModel
{
    public PenaltyCaseFilter Filter { get; private set; } = new();
    public PageOf<PenaltyCaseListItem> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool MayFile => caller.Role == Roles.AgencyAdmin;
    public bool MayDecideOnTheSpot => caller.Role == Roles.Officer;

    public async Task OnGetAsync(string? stage, string? due, string? officer, int? page, CancellationToken ct)
    {
        Filter = new PenaltyCaseFilter(stage, officer, due);
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.ListAsync(Filter, paging, ct));
    }
}
