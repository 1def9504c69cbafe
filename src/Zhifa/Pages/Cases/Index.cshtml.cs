using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Pages.Cases;

/// <summary>
/// The drill-down case list behind a dashboard figure (/cases?from=&amp;to=&amp;agency=&amp;region=&amp;category=&amp;agencyCategory=&amp;month=),
/// scoped like the statistics: an agency-bound account sees its own agency, another agency is 404, a region 403.
/// </summary>
public sealed class IndexModel(CaseListQueries cases, CallerScope caller) : PageModel
{
    public CaseListFilter Filter { get; private set; } = new(null, null, null, null, null, null, null, null, null);
    public PageOf<CaseListRow> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool SeesAllAgencies => caller.SeesAllAgencies;

    public async Task OnGetAsync(string? from, string? to, string? month, string? region, string? agency, string? category, string? agencyCategory,
        string? number, string? basis, int? page, CancellationToken ct)
    {
        Filter = new CaseListFilter(from, to, month, region, agency, category, agencyCategory, number, basis);
        AppError? failure = null;
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, async paging =>
        {
            var outcome = await cases.ListAsync(Filter, paging, ct);
            failure = outcome.Error;
            return outcome;
        });
        if (failure is not null)
            Response.StatusCode = failure.Kind switch
            {
                FailureKind.Forbidden => StatusCodes.Status403Forbidden,
                FailureKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
    }

    /// <summary>What the list holds, in words: "2023-01-01 至 2023-12-31 · 行政处罚 · 执法主体 120102008".</summary>
    public string Description()
    {
        var f = Filter;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.From) || !string.IsNullOrWhiteSpace(f.To))
            parts.Add($"{f.From} 至 {f.To}");
        if (!string.IsNullOrWhiteSpace(f.Month))
            parts.Add($"{f.Month} 月");
        if (f.Basis == "decided")
            parts.Add("按处罚决定日期的处罚决定");
        if (!string.IsNullOrWhiteSpace(f.Category))
            parts.Add(f.Category switch { "inspection" => "行政检查", "penalty" => "行政处罚", "other" => "其他类型", _ => f.Category });
        if (!string.IsNullOrWhiteSpace(f.AgencyCategory))
            parts.Add("机关类别 " + f.AgencyCategory);
        if (!string.IsNullOrWhiteSpace(f.Region))
            parts.Add("区划 " + f.Region);
        if (!string.IsNullOrWhiteSpace(f.Agency))
            parts.Add("执法主体 " + f.Agency);
        if (!string.IsNullOrWhiteSpace(f.Number))
            parts.Add("案件编号 " + f.Number);
        return string.Join(" · ", parts);
    }
}
