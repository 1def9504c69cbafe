using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Web;

namespace Zhifa.Pages.Powers;

public sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public string? Agency { get; private set; }
    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];
    public PageOf<PowerView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? agency, int? page, CancellationToken ct)
    {
        Agency = agency;
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => catalog.PowersAsync(agency, paging, ct));
    }
}
