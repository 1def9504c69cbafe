using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Publicity;
using Zhifa.Web;

namespace Zhifa.Pages.Public.Decisions;

/// <summary>The public search of published penalty decisions: the same query as GET /api/v1/public/decisions.</summary>
public sealed class IndexModel(PublicDecisionQueries decisions, PublicCatalogQueries catalog) : PageModel
{
    public DecisionSearch Search { get; private set; } = new(null, null, null, null, null);
    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];
    public DecisionPage List { get; private set; } = new([], 0, false);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? party, string? agency, string? number, string? from, string? to, int? page, CancellationToken ct)
    {
        Search = new DecisionSearch(party, agency, number, from, to);
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        var paging = Pager.Paging(page);
        var outcome = await decisions.SearchAsync(Search, paging, ct);
        if (outcome.IsSuccess)
            List = outcome.Value;
        else
            Error = outcome.Error.Message;
        Pager = new Pager(paging.Page, paging.PageSize, List.Total, Request.Query);
    }
}
