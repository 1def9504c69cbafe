using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Officers;
using Zhifa.Web;

namespace Zhifa.Pages.Officers;

public sealed class IndexModel(OfficerQueries officers) : PageModel
{
    public string? Q { get; private set; }
    public string? Agency { get; private set; }
    public PageOf<OfficerSummary> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, string? agency, int? page, CancellationToken ct)
    {
        (Q, Agency) = (q, agency);
        var paging = Pager.Paging(page);
        var outcome = await officers.SearchAsync(q, agency, paging, ct);
        if (outcome.IsSuccess)
            List = outcome.Value;
        else
            Error = outcome.Error.Message;
        Pager = new Pager(paging.Page, paging.PageSize, List.Total, Request.Query);
    }
}
