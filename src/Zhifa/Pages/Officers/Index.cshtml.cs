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
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => officers.SearchAsync(q, agency, paging, ct));
    }
}
