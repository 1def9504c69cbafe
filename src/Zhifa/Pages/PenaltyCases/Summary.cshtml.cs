using Zhifa.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>
/// 简易程序: an officer decides a warning or a small fine on the spot with a second officer and hands the decision over
/// (行政处罚法 第五十一、五十二条). The server checks the limit; the form only checks what is required.
/// </summary>
public sealed class SummaryModel(PenaltyCaseService service, ZhifaDbContext db, CallerScope caller, TimeProvider clock) : PageModel
{
    public sealed class SummaryForm
    {
        public string? RequestKey { get; set; }
        public string? PowerCode { get; set; }
        public List<string> Officers { get; set; } = [];
        public PartyForm Party { get; set; } = new() { Type = "自然人" };
        public DateOnly? ActOn { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public List<string> Kinds { get; set; } = [];
        public decimal? Fine { get; set; }
        public string? Facts { get; set; }
        public string? Basis { get; set; }
        public string? PartyStatement { get; set; }
    }

    [BindProperty]
    public SummaryForm Input { get; set; } = new();

    public PenaltyFormOptions Options { get; private set; } = new([], []);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (caller.Role != Roles.Officer)
            return Forbid();
        Input.RequestKey = Guid.NewGuid().ToString("N");
        Input.ActOn = Today;
        Input.DecidedOn = Today;
        // An officer's account is named by the certificate number (ADR-002): the officer filling in the form is there.
        if (caller.UserName is { } user)
            Input.Officers.Add(user);
        Options = await PenaltyFormOptions.LoadAsync(db, caller, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (caller.Role != Roles.Officer)
            return Forbid();
        ModelState.Clear();
        var i = Input;
        var request = new SummaryCaseRequest
        {
            PowerCode = i.PowerCode, Party = i.Party.ToRequest(), ActOn = i.ActOn, DecidedOn = i.DecidedOn, Kinds = i.Kinds, Fine = i.Fine,
            Facts = i.Facts, Basis = i.Basis, PartyStatement = string.IsNullOrWhiteSpace(i.PartyStatement) ? null : i.PartyStatement, Officers = i.Officers,
        };
        var outcome = await service.DecideOnTheSpotAsync(request, string.IsNullOrWhiteSpace(i.RequestKey) ? null : i.RequestKey, ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = $"已作出当场处罚决定 {outcome.Value.Number}";
            return Redirect($"/penalty-cases/{outcome.Value.Id}");
        }
        if (outcome.Error.Code == "idempotency.key_reused")
            Input.RequestKey = Guid.NewGuid().ToString("N");
        StepFormErrors.Add(ModelState, outcome.Error);
        Options = await PenaltyFormOptions.LoadAsync(db, caller, Today, ct);
        return Page();
    }
}
