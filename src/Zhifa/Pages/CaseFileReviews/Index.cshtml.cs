using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.CaseFileReviews;
using Zhifa.Data.Storage;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Domain.Common;
using Zhifa.Web;

namespace Zhifa.Pages.CaseFileReviews;

/// <summary>案卷评查 batches: the list the caller may see and, for the supervision office, the form that creates a batch and draws its sample.</summary>
public sealed class IndexModel(ReviewQueries queries, ReviewCommands commands, CallerScope caller, ZhifaDbContext db, TimeProvider clock) : PageModel
{
    public sealed class BatchForm
    {
        public string? Title { get; set; }
        public string? PeriodFrom { get; set; }
        public string? PeriodTo { get; set; }
        public List<string> Agencies { get; set; } = [];
        public List<string> Categories { get; set; } = ["行政处罚"];
        public string Mode { get; set; } = "count";
        public int? Count { get; set; } = 5;
        public decimal? RatioPercent { get; set; }
        public int? MinimumPerAgency { get; set; }
        public string? Seed { get; set; }
        public decimal? ExcellentFrom { get; set; } = GradeScale.Default.ExcellentFrom;
        public decimal? GoodFrom { get; set; } = GradeScale.Default.GoodFrom;
        public decimal? PassFrom { get; set; } = GradeScale.Default.PassFrom;
    }

    [BindProperty]
    public BatchForm Input { get; set; } = new();

    public PageOf<ReviewBatchSummary> List { get; private set; } = new([], 0);
    public Pager Pager { get; private set; } = Pager.Empty;
    public string? Error { get; private set; }
    public bool MayManage => queries.MayManage;
    public List<(string Code, string Name)> AgencyOptions { get; private set; } = [];

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        // Last year by default: the usual annual review (年度案卷评查).
        var year = clock.Today().Year - 1;
        Input.PeriodFrom = $"{year}-01-01";
        Input.PeriodTo = $"{year}-12-31";
        await LoadAsync(page, ct);
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        (List, Error, Pager) = await Pager.LoadAsync(page, Request.Query, paging => queries.ListAsync(paging, ct));
        if (MayManage)
            AgencyOptions = (await caller.Agencies(db).AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
                .Select(a => (a.Code, a.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayManage)
            return Forbid();
        ModelState.Clear();
        var i = Input;
        long? seed = null;
        if (!string.IsNullOrWhiteSpace(i.Seed))
        {
            if (!ReviewSampler.TryParseSeed(i.Seed.Trim(), out var s))
            {
                ModelState.AddModelError("Input.Seed", $"随机种子应为 0 到 {ReviewSampler.MaxSeed} 之间的整数,不填则自动生成");
                await LoadAsync(null, ct);
                return Page();
            }
            seed = s;
        }
        var request = new CreateBatchRequest(i.Title, i.PeriodFrom, i.PeriodTo, [.. i.Agencies], [.. i.Categories],
            i.Mode == "ratio" ? null : i.Count, i.Mode == "ratio" ? i.RatioPercent / 100m : null, i.MinimumPerAgency, seed, null,
            i.ExcellentFrom, i.GoodFrom, i.PassFrom);
        var outcome = await commands.CreateAsync(request, ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已新建评查批次并抽取 {outcome.Value.Files.Count} 件案卷(随机种子 {outcome.Value.Seed})";
            return Redirect($"/case-file-reviews/{outcome.Value.Id}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        PageErrors.Add(ModelState, outcome.Error, nameof(Input));
        await LoadAsync(null, ct);
        return Page();
    }
}
