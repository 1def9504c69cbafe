using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Inspections;
using Zhifa.Inspections;
using Zhifa.Web;

namespace Zhifa.Pages.Inspections;

/// <summary>
/// The form officers fill in on site. It carries a request key made when the form is shown, used as the
/// Idempotency-Key: a form sent twice on a bad mobile connection records one inspection.
/// </summary>
public sealed class NewModel(InspectionQueries queries, InspectionCommands commands, CallerScope caller, TimeProvider clock) : PageModel
{
    public sealed class InspectionForm
    {
        public string? RequestKey { get; set; }
        public string? PowerCode { get; set; }
        public List<string> Officers { get; set; } = [];
        public DateOnly? InspectedOn { get; set; }
        public string? Location { get; set; }
        public string? PartyType { get; set; } = "法人";
        public string? PartyName { get; set; }
        public string? PartyIdNumber { get; set; }
        public string? PartyIdAbsentReason { get; set; }
        public string? Findings { get; set; }
        public string? Result { get; set; } = "未发现问题";
        public DateOnly? RectificationDeadline { get; set; }
    }

    [BindProperty]
    public InspectionForm Input { get; set; } = new();

    public InspectionFormOptions Options { get; private set; } = new([], []);
    public DateOnly Today => Inspection.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!InspectionAccess.MayRecord(caller))
            return Forbid();
        Input.RequestKey = Guid.NewGuid().ToString("N");
        Input.InspectedOn = Today;
        // An officer's account is named by the certificate number (ADR-002): the officer filling in the form was there.
        if (caller.UserName is { } user)
            Input.Officers.Add(user);
        Options = await queries.FormOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Model binding reports a bad date in English; the service names the field in Chinese instead.
        ModelState.Clear();
        var i = Input;
        var request = new RecordInspectionRequest(i.PowerCode, i.Officers, i.PartyType, i.PartyName, i.PartyIdNumber, i.PartyIdAbsentReason,
            i.InspectedOn, i.Location, i.Findings, i.Result, i.Result == "责令改正" ? i.RectificationDeadline : null);
        var outcome = await commands.RecordAsync(request, string.IsNullOrWhiteSpace(i.RequestKey) ? null : i.RequestKey, ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已记录检查 {outcome.Value.Inspection.Number}";
            return Redirect($"/inspections/{outcome.Value.Inspection.Id}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        var error = outcome.Error;
        if (error.Field == InspectionEndpoints.IdempotencyKeyHeader)
        {
            // The form was sent before with other content (back, edit, send): it is a new inspection, with a new key.
            error = error with { Field = null, Message = "这张表单已经提交过；如确需记录另一次检查，请核对后再次提交" };
            Input.RequestKey = Guid.NewGuid().ToString("N");
        }
        PageErrors.Add(ModelState, error, nameof(Input));
        Options = await queries.FormOptionsAsync(ct);
        return Page();
    }
}
