using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Catalog;
using Zhifa.Officers;
using Zhifa.Web;

namespace Zhifa.Pages.Officers;

public sealed class NewModel(CatalogQueries catalog, OfficerCertificateCommands commands, CallerScope caller) : PageModel
{
    public sealed class IssueInput
    {
        public string? CertificateNumber { get; set; }
        public string? Name { get; set; }
        public string? AgencyCode { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public bool IsLegalReviewer { get; set; }
        public string? ResidentId { get; set; }
    }

    [BindProperty]
    public IssueInput Input { get; set; } = new();

    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!caller.MayManageCertificatesAtAll)
            return Forbid();
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var outcome = await commands.IssueAsync(new IssueCertificateRequest(i.CertificateNumber, i.Name, i.AgencyCode, i.IssuedOn, i.IsLegalReviewer, i.ResidentId), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = "已发放执法证";
            return Redirect($"/officers/{Uri.EscapeDataString(outcome.Value.CertificateNumber)}");
        }
        if (outcome.Error.Kind == FailureKind.Forbidden)
            return Forbid();
        PageErrors.Add(ModelState, outcome.Error.Kind == FailureKind.NotFound ? outcome.Error with { Field = "agencyCode" } : outcome.Error, nameof(Input));
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        return Page();
    }
}
