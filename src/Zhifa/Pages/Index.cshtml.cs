using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Pages;

/// <summary>
/// 首页, the supervision dashboard (监督驾驶舱): the period's figures with 同比, cases by month and by 机关类别, the agencies
/// ranked (an agency's own months for an agency view), the open alerts; every figure links to the records behind it.
/// Filters are the query string; an agency-bound account sees its own agency only (another scope is refused: 403/404).
/// </summary>
public sealed class IndexModel(DashboardQueries dashboard, CallerScope caller, TimeProvider clock) : PageModel
{
    public DashboardFilter Filter { get; private set; } = new(null, null, null, null, null, null, null);
    public Dashboard? View { get; private set; }
    public string? Error { get; private set; }
    public bool SeesAllAgencies => caller.SeesAllAgencies;
    public bool ShowAllAgencies { get; private set; }
    public int ThisYear => clock.GetLocalNow().Year;

    /// <summary>The year the period pickers start from: the filter's, or this year.</summary>
    public int Year => Filter.Year ?? View?.Period.From.Year ?? ThisYear;

    public async Task OnGetAsync(int? year, int? quarter, int? month, string? from, string? to, string? region, string? agency, string? all, CancellationToken ct)
    {
        Filter = new DashboardFilter(year, quarter, month, from, to, region, agency);
        ShowAllAgencies = all == "1";
        var outcome = await dashboard.LoadAsync(Filter, ct);
        if (outcome.IsSuccess)
            View = outcome.Value;
        else
        {
            Error = outcome.Error.Message;
            Response.StatusCode = outcome.Error.Kind switch
            {
                FailureKind.Forbidden => StatusCodes.Status403Forbidden,
                FailureKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
        }
    }

    /// <summary>The dashboard's own link with the period and scope kept and some parameters replaced.</summary>
    public string Self(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quarter"] = Filter.Quarter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["month"] = Filter.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = Filter.From,
            ["to"] = Filter.To,
            ["region"] = Filter.Region,
            ["agency"] = Filter.Agency,
        };
        foreach (var (key, value) in changes)
            values[key] = value;
        var q = string.Join("&", values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return q.Length == 0 ? "/" : "/?" + q;
    }
}
