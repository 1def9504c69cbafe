using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Publicity;
using Zhifa.Web;

namespace Zhifa.Pages.Public;

public sealed class AgenciesModel(PublicCatalogQueries queries) : PageModel
{
    public PageOf<AgencyView> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var paging = Pager.Paging(page);
        List = await queries.AgenciesAsync(paging, ct);
        Pager = new Pager(paging.Page, paging.PageSize, List.Total, Request.Query);
    }
}
