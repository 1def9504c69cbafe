using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Data.Storage;

namespace Zhifa.Pages.Public;

/// <summary>The published discretion benchmarks (行政处罚法 第三十四条) and exemption list (第三十三条), anonymous.</summary>
public sealed class BenchmarksModel(ZhifaDbContext db, TimeProvider clock) : PageModel
{
    public string? Agency { get; private set; }
    public IReadOnlyList<PublishedBenchmark> Benchmarks { get; private set; } = [];
    public IReadOnlyList<PublishedExemption> Exemptions { get; private set; } = [];

    public async Task OnGetAsync(string? agency, CancellationToken ct)
    {
        Agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        var today = clock.Today();
        Benchmarks = await StandardsQueries.PublishedBenchmarksAsync(db, today, Agency, null, ct);
        Exemptions = await StandardsQueries.PublishedExemptionsAsync(db, today, Agency, null, ct);
    }
}
