using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Publicity;
using Zhifa.Web;

namespace Zhifa.Pages.Public;

public sealed class PowersModel(PublicCatalogQueries queries) : PageModel
{
    public string? Agency { get; private set; }
    public string? Q { get; private set; }
    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];
    public PageOf<PowerView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }

    /// <summary>Only the powers on their agency's 重大执法决定法制审核目录.</summary>
    public bool Major { get; private set; }

    public async Task OnGetAsync(string? agency, string? q, bool? major, int? page, CancellationToken ct)
    {
        (Agency, Q, Major) = (agency, q, major == true);
        Agencies = (await queries.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.PowersAsync(agency, q, paging, ct, Major));
    }
}
