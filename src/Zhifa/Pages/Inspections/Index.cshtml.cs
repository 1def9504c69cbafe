using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Inspections;
using Zhifa.Web;

namespace Zhifa.Pages.Inspections;

/// <summary>The inspections the caller may see (an agency's staff: their own agency's), filtered and paged.</summary>
public sealed class IndexModel(InspectionQueries queries, CallerScope caller) : PageModel
{
    public InspectionFilter Filter { get; private set; } = new();
    public PageOf<InspectionSummary> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool MayRecord => InspectionAccess.MayRecord(caller);

    public async Task OnGetAsync(string? from, string? to, string? result, string? officer, string? party, int? page, CancellationToken ct)
    {
        Filter = new InspectionFilter(from, to, result, officer, party);
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.ListAsync(Filter, paging, ct));
    }
}
