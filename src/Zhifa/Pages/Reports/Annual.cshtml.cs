using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Reports;
using Zhifa.Web;

namespace Zhifa.Pages.Reports;

/// <summary>
/// 年度报告: the annual report of the caller's scope on the page (text, tables, charts) with a download in each format.
/// The supervision office may narrow it to a region or an agency; an agency account always gets its own agency.
/// </summary>
public sealed class AnnualModel(AnnualReportQueries queries, CallerScope caller, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public string? Region { get; private set; }
    public string? Agency { get; private set; }
    public ReportDocument? Report { get; private set; }
    public IReadOnlyDictionary<string, string> ChartImages { get; private set; } = new Dictionary<string, string>();
    public string? Error { get; private set; }
    public string? ChartError { get; private set; }
    public bool SeesAllAgencies => caller.SeesAllAgencies;

    public static IReadOnlyList<(AnnualReportFormat Format, string Label)> Formats { get; } =
        [(AnnualReportFormat.Docx, "Word"), (AnnualReportFormat.Pdf, "PDF"), (AnnualReportFormat.Xlsx, "Excel"), (AnnualReportFormat.Md, "Markdown")];

    /// <summary>The query of a download link in this scope.</summary>
    public string DownloadUrl(AnnualReportFormat format) =>
        $"?handler=download&year={Year}&format={format.ToString().ToLowerInvariant()}"
        + (Region is null ? "" : "&region=" + Uri.EscapeDataString(Region))
        + (Agency is null ? "" : "&agency=" + Uri.EscapeDataString(Agency));

    public async Task OnGetAsync(int? year, string? region, string? agency, CancellationToken ct)
    {
        Scope(year, region, agency);
        var report = await queries.BuildAsync(Year.ToString(CultureInfo.InvariantCulture), Region, Agency, ct);
        if (!report.IsSuccess)
        {
            Error = report.Error.Message;
            return;
        }
        Report = report.Value;
        var charts = queries.Charts(Report);
        if (charts.IsSuccess)
            ChartImages = charts.Value.ToDictionary(c => c.Chart.Key, c => "data:image/png;base64," + Convert.ToBase64String(c.Png));
        else
            ChartError = charts.Error.Message;
    }

    public async Task<IActionResult> OnGetDownloadAsync(int? year, string? format, string? region, string? agency, CancellationToken ct)
    {
        Scope(year, region, agency);
        var file = await queries.FileAsync(Year.ToString(CultureInfo.InvariantCulture), format, Region, Agency, ct);
        if (file.IsSuccess)
            return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
        Error = file.Error.Message;
        Response.StatusCode = Problems.Status(file.Error.Kind);
        return Page();
    }

    /// <summary>Last year by default: the annual report is written after the year has ended.</summary>
    private void Scope(int? year, string? region, string? agency)
    {
        Year = year is >= 1949 and <= 9999 ? year.Value : clock.GetLocalNow().Year - 1;
        Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        Agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
    }
}
