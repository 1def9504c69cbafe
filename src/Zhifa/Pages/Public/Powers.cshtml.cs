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

    public async Task OnGetAsync(string? agency, string? q, int? page, CancellationToken ct)
    {
        (Agency, Q) = (agency, q);
        Agencies = (await queries.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        var paging = Pager.Paging(page);
        var outcome = await queries.PowersAsync(agency, q, paging, ct);
        if (outcome.IsSuccess)
            List = outcome.Value;
        else
            Error = outcome.Error.Message;
        Pager = new Pager(paging.Page, paging.PageSize, List.Total, Request.Query);
    }
}
