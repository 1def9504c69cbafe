using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Inspections;
using Zhifa.Records;
using Zhifa.Web;

namespace Zhifa.Pages.Inspections;

/// <summary>One inspection, its full-process record, and for the agency's staff the rectification and 移交立案 forms.</summary>
public sealed class DetailModel(InspectionQueries queries, InspectionCommands commands, RecordQueries records, CallerScope caller,
    Zhifa.Data.Storage.ZhifaDbContext db, TimeProvider clock) : PageModel
{
    public sealed class FollowUpInput
    {
        public DateOnly? Date { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
        public string? PowerCode { get; set; }
    }

    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public InspectionDetail? Inspection { get; private set; }
    public CaseRecordView? Record { get; private set; }
    public PenaltyCaseReferral? Filing { get; private set; }
    public string? Message { get; private set; }
    public bool MayAct { get; private set; }

    /// <summary>The agency head files the penalty case when referring (ADR-010), under one of these powers.</summary>
    public bool IsHead => caller.Role == Zhifa.Data.Accounts.Roles.AgencyAdmin;
    public IReadOnlyList<Zhifa.Pages.PenaltyCases.PowerChoice> PenaltyPowers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRectifiedAsync(long id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await commands.RectifiedAsync(id, new RectifiedRequest(Input.Date, Input.Note, Input.Version), ct);
        return await AfterAsync(id, outcome.IsSuccess ? null : outcome.Error, "已记录整改完成", ct);
    }

    public async Task<IActionResult> OnPostReferAsync(long id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await commands.ReferAsync(id, new ReferRequest(null, Input.Version, Input.PowerCode), ct);
        return await AfterAsync(id, outcome.IsSuccess ? null : outcome.Error, "已移交立案，立案材料见下方", ct);
    }

    private async Task<IActionResult> AfterAsync(long id, AppError? error, string done, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["message"] = done;
            return RedirectToPage(new { id });
        }
        if (error.Kind == FailureKind.NotFound)
            return NotFound();
        if (error.Kind == FailureKind.Forbidden)
            return Forbid();
        PageErrors.Add(ModelState, error, nameof(Input));
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var found = await queries.DetailAsync(id, ct);
        if (!found.IsSuccess)
            return false;
        Inspection = found.Value;
        var agencyId = await queries.AgencyOfAsync(id, ct);
        MayAct = agencyId is { } a && InspectionAccess.MayActOn(caller, a);
        var record = await records.RecordAsync(id, ct);
        Record = record.IsSuccess ? record.Value : null;
        if (MayAct && IsHead && Inspection.Result == "Referral" && Inspection.ReferredOn is null)
        {
            var today = clock.Today();
            PenaltyPowers = (await Zhifa.Pages.PenaltyCases.PenaltyFormOptions.LoadAsync(db, caller, today, ct)).Powers;
        }
        if (Inspection.ReferredOn is not null)
        {
            var filing = await queries.ReferralOfAsync(id, ct);
            Filing = filing.IsSuccess ? filing.Value : null;
        }
        return true;
    }
}

/// <summary>Chinese names of the record entries an inspection page shows.</summary>
public static class InspectionPageText
{
    public static string EntryName(string kind) => kind switch
    {
        Zhifa.Data.Inspections.InspectionStore.RecordedKind => "记录检查",
        Zhifa.Data.Inspections.InspectionStore.RectifiedKind => "整改完成",
        Zhifa.Data.Inspections.InspectionStore.ReferredKind => "移交立案",
        Zhifa.Data.Inspections.InspectionStore.CaseFiledKind => "立案（关联处罚案件）",
        "evidence.added" => "上传证据",
        _ => kind,
    };
}
