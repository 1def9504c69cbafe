using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Documents;
using Zhifa.Domain.PenaltyCases;
using Zhifa.PenaltyCases;
using Zhifa.Records;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>
/// One penalty case: stages, deadlines, what has been done, its record and documents, and one form per step the
/// caller may take now. A sent form goes through the same service as the API; a refusal is shown in that form, beside
/// its field, with the rule's Chinese message.
/// </summary>
public sealed class DetailModel(PenaltyCaseQueries queries, PenaltyCaseService service, PenaltyDocumentService documents, RecordQueries records,
    EvidenceUpload uploads, EvidenceStoreOptions evidenceOptions, ZhifaDbContext db, TimeProvider clock) : PageModel
{
    private readonly HashSet<string> _shown = [];

    [BindProperty]
    public StepForm Input { get; set; } = new();

    public PenaltyCaseView Case { get; private set; } = null!;
    public CaseRecordView? Record { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The case's evidence files, each with the evidence item it is attached to.</summary>
    public IReadOnlyList<EvidenceView> EvidenceFiles { get; private set; } = [];

    /// <summary>The configured size limit of one evidence file (ZHIFA_EVIDENCE_MAX_MB), for the form to check before sending.</summary>
    public long EvidenceMaxBytes => evidenceOptions.MaxBytes;

    /// <summary>The files an earlier, refused submit of the evidence form stored; they are attached when it is sent again.</summary>
    public IReadOnlyList<EvidenceView> PendingFiles => EvidenceFiles.Where(f => Input.UploadedFileIds.Contains(f.Id) && f.EvidenceItem is null).ToList();

    /// <summary>The agency's legal reviewers with a valid certificate, for 提交法制审核.</summary>
    public IReadOnlyList<OfficerOption> Reviewers { get; private set; } = [];

    /// <summary>The tiers of the power's published discretion benchmarks, for 告知 and 决定.</summary>
    public IReadOnlyList<DiscretionOption> Discretion { get; private set; } = [];

    /// <summary>The power's published 免罚清单 entries, for 不予行政处罚 (行政处罚法 第三十三条).</summary>
    public IReadOnlyList<DiscretionOption> Exemptions { get; private set; } = [];

    /// <summary>The step whose form was sent and refused; its fields keep what was entered.</summary>
    public string? PostedStep { get; private set; }

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        // Model binding reports a bad date or number in English; the service names the field in Chinese instead.
        ModelState.Clear();
        if (Input.Step == "record-evidence" && Input.Files.Count > 0)
        {
            // The files are stored first (each checked for size), then the step names them; a refused step keeps them for the next submit.
            var stored = await uploads.AddFilesAsync(id, Input.Files, Input.Description, ct);
            if (!stored.IsSuccess)
                return await RefusedAsync(id, stored.Error, ct);
            Input.UploadedFileIds.AddRange(stored.Value.Select(f => f.Id));
        }
        var outcome = await Input.RunAsync(service, id, ct);
        if (outcome.IsSuccess)
        {
            var done = outcome.Value.History[^1];
            TempData["message"] = $"已办理「{done.StepName}」，案件现处于「{outcome.Value.StageName}」阶段";
            return Redirect($"/penalty-cases/{id}");
        }
        return await RefusedAsync(id, outcome.Error, ct);
    }

    private async Task<IActionResult> RefusedAsync(long id, AppError error, CancellationToken ct)
    {
        if (error.Kind == FailureKind.NotFound)
            return NotFound();
        if (error.Kind == FailureKind.Forbidden)
            return Forbid();
        PostedStep = Input.Step;
        StepFormErrors.Add(ModelState, error);
        if (!await LoadAsync(id, ct))
            return NotFound();
        return Page();
    }

    /// <summary>An evidence file of the case, checked against its SHA-256 before it is sent (the API's download, for the pages).</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(long id, long file, CancellationToken ct)
    {
        var content = await records.ContentAsync(id, file, ct);
        if (content.IsSuccess)
        {
            Response.Headers.XContentTypeOptions = "nosniff";
            return File(content.Value.Content, content.Value.File.ContentType, content.Value.File.FileName);
        }
        if (content.Error.Kind == FailureKind.NotFound)
            return NotFound();
        TempData["message"] = content.Error.Message;
        return Redirect($"/penalty-cases/{id}");
    }

    /// <summary>A document of the case (.docx), for the signed-in user of the pages (the API takes a bearer token).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, string kind, CancellationToken ct)
    {
        var generated = await documents.GenerateAsync(id, kind, ct);
        if (generated.IsSuccess)
            return File(generated.Value.Content, GeneratedDocument.ContentType, generated.Value.FileName);
        if (generated.Error.Kind == FailureKind.NotFound)
            return NotFound();
        TempData["message"] = generated.Error.Message;
        return Redirect($"/penalty-cases/{id}");
    }

    /// <summary>The refusal's message for a field of the step's form, when that form was the one sent.</summary>
    public string? ErrorOf(string step, string field)
    {
        if (PostedStep != step)
            return null;
        var key = "Input." + field;
        _shown.Add(key);
        return ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;
    }

    /// <summary>The refusal's messages not shown beside a field of the step's form (rendered after its fields).</summary>
    public IEnumerable<string> OtherErrors(string step) => PostedStep != step
        ? []
        : ModelState.Where(e => !_shown.Contains(e.Key)).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));

    /// <summary>What the sent form held, for the form that was sent; otherwise the default.</summary>
    public StepForm ValuesFor(string step) => PostedStep == step ? Input : new StepForm();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (!found.IsSuccess)
            return false;
        Case = found.Value;
        var record = await records.RecordAsync(id, ct);
        Record = record.IsSuccess ? record.Value : null;
        var files = await records.EvidenceOfCaseAsync(id, ct);
        EvidenceFiles = files.IsSuccess ? files.Value : [];
        if (Case.AvailableSteps.Any(s => s.Step == "submit-review"))
        {
            var today = Today;
            Reviewers = (await db.Officers.AsNoTracking()
                    .Where(o => o.IsLegalReviewer && db.Agencies.Any(a => a.Id == o.AgencyId && a.Code == Case.Agency.Code)).OrderBy(o => o.CertificateNumber)
                    .ToListAsync(ct))
                .Where(o => o.MayActOn(today)).Select(o => new OfficerOption(o.CertificateNumber, o.Name)).ToList();
        }
        if (Case.AvailableSteps.Any(s => s.Step is "notify" or "decide"))
        {
            var today = Today;
            var benchmarks = await db.DiscretionBenchmarks.AsNoTracking().Include(b => b.Tiers)
                .Where(b => db.Powers.Any(p => p.Id == b.PowerId && p.Code == Case.Power.Code && db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == Case.Agency.Code)))
                .ToListAsync(ct);
            Discretion = benchmarks.Where(b => b.PublishedOn <= today).OrderByDescending(b => b.PublishedOn)
                .SelectMany(b => b.Tiers.Select(t => new DiscretionOption(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.Id}:{t.Level}"),
                    $"{t.Level.ToChinese()}：{t.MinFine:#,0.##}至{t.MaxFine:#,0.##}元，{t.Circumstances}（{b.PublishedOn:yyyy年M月d日}公布）")))
                .ToList();
            var items = await db.ExemptionListItems.AsNoTracking()
                .Where(e => db.Powers.Any(p => p.Id == e.PowerId && p.Code == Case.Power.Code && db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == Case.Agency.Code)))
                .ToListAsync(ct);
            Exemptions = items.Where(e => e.PublishedOn <= today).OrderBy(e => e.Id)
                .Select(e => new DiscretionOption(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{e.Kind.ToChinese()}：{e.Conditions}"))
                .ToList();
        }
        return true;
    }
}
