using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Inspections;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>
/// 立案 by the agency head: a power of the agency's penalty powers, two or more of its certified officers, the party,
/// the dates and the facts. <c>?inspection={id}</c> prefills it from a referred inspection (ADR-010). The request key
/// made when the form is shown is the Idempotency-Key, so a form sent twice files one case.
/// </summary>
public sealed class NewModel(PenaltyCaseFiling service, InspectionQueries inspections, ZhifaDbContext db, CallerScope caller, TimeProvider clock) : PageModel
{
    public sealed class FilingForm
    {
        public string? RequestKey { get; set; }
        public string? PowerCode { get; set; }
        public List<string> Officers { get; set; } = [];
        public PartyForm Party { get; set; } = new();
        public DateOnly? ActOn { get; set; }
        public DateOnly? DiscoveredOn { get; set; }
        public DateOnly? FiledOn { get; set; }
        public string? CaseSummary { get; set; }
        public string? CaseSource { get; set; }
        public string? CaseCause { get; set; }

        /// <summary>The referred inspection the form was prefilled from; the filed case is linked to it.</summary>
        public long? InspectionId { get; set; }
    }

    /// <summary>The inspection the form was prefilled from (number), when it was.</summary>
    public string? InspectionNumber { get; private set; }

    [BindProperty]
    public FilingForm Input { get; set; } = new();

    public PenaltyFormOptions Options { get; private set; } = new([], []);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(long? inspection, CancellationToken ct)
    {
        if (caller.Role != Roles.AgencyAdmin)
            return Forbid();
        Input.RequestKey = Guid.NewGuid().ToString("N");
        Input.FiledOn = Today;
        if (inspection is { } id && await inspections.ReferralOfAsync(id, ct) is { IsSuccess: true } referral)
        {
            var r = InspectionReferralOpener.Request(referral.Value, referral.Value.PowerSuggestions.Count == 1 ? referral.Value.PowerSuggestions[0].Code : null);
            Input.PowerCode = r.PowerCode;
            Input.Officers = [.. r.Officers ?? []];
            Input.Party = new PartyForm { Type = referral.Value.Party.TypeName, Name = r.Party!.Name, Identifier = r.Party.Identifier };
            Input.ActOn = r.ActOn;
            Input.DiscoveredOn = r.DiscoveredOn;
            Input.CaseSummary = r.CaseSummary;
            Input.CaseSource = r.CaseSource;
            if (referral.Value.PenaltyCaseId is null)
            {
                Input.InspectionId = id;
                InspectionNumber = referral.Value.InspectionNumber;
            }
        }
        Options = await PenaltyFormOptions.LoadAsync(db, caller, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (caller.Role != Roles.AgencyAdmin)
            return Forbid();
        ModelState.Clear();
        var i = Input;
        var request = new FileCaseRequest
        {
            PowerCode = i.PowerCode, Party = i.Party.ToRequest(), ActOn = i.ActOn, DiscoveredOn = i.DiscoveredOn, FiledOn = i.FiledOn,
            CaseSummary = i.CaseSummary, CaseSource = i.CaseSource, CaseCause = i.CaseCause, Officers = i.Officers, InspectionId = i.InspectionId,
        };
        var outcome = await service.FileAsync(request, string.IsNullOrWhiteSpace(i.RequestKey) ? null : i.RequestKey, ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已立案 {outcome.Value.Number}";
            return Redirect($"/penalty-cases/{outcome.Value.Id}");
        }
        if (outcome.Error.Code == "idempotency.key_reused")
            Input.RequestKey = Guid.NewGuid().ToString("N");
        StepFormErrors.Add(ModelState, outcome.Error);
        if (i.InspectionId is { } inspectionId && await inspections.DetailAsync(inspectionId, ct) is { IsSuccess: true } source)
            InspectionNumber = source.Value.Number;
        Options = await PenaltyFormOptions.LoadAsync(db, caller, Today, ct);
        return Page();
    }
}
