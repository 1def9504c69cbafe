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

    public string? Region { get; private set; }

    /// <summary>Only officers certified on this day (the dashboard's 持证执法人员 of a period ends on it).</summary>
    public DateOnly? CertifiedOn { get; private set; }

    public async Task OnGetAsync(string? q, string? agency, string? region, DateOnly? certifiedOn, int? page, CancellationToken ct)
    {
        (Q, Agency, Region, CertifiedOn) = (q, agency, region, certifiedOn);
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => officers.SearchAsync(q, agency, paging, ct, region, certifiedOn));
    }
}
