using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Web;

namespace Zhifa.Pages.Agencies;

public sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public PageOf<AgencyView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var paging = Pager.Paging(page);
        List = await catalog.AgenciesAsync(paging, ct);
        Pager = new Pager(paging.Page, paging.PageSize, List.Total, Request.Query);
    }
}
