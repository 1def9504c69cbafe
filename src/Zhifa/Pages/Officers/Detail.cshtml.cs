using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Officers;
using Zhifa.Web;

namespace Zhifa.Pages.Officers;

/// <summary>One officer, the certificate history, and the suspend/reinstate/revoke forms for those allowed.</summary>
public sealed class DetailModel(OfficerQueries queries, OfficerCertificateCommands commands, CallerScope caller) : PageModel
{
    public sealed class ChangeInput
    {
        public DateOnly? Date { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public OfficerDetail? Officer { get; private set; }
    public bool CanManage { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(number, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSuspendAsync(string number, CancellationToken ct) =>
        ChangeAsync(number, "已暂扣执法证", commands.SuspendAsync, ct);

    public Task<IActionResult> OnPostReinstateAsync(string number, CancellationToken ct) =>
        ChangeAsync(number, "已恢复执法证", commands.ReinstateAsync, ct);

    public Task<IActionResult> OnPostRevokeAsync(string number, CancellationToken ct) =>
        ChangeAsync(number, "已注销执法证", commands.RevokeAsync, ct);

    private async Task<IActionResult> ChangeAsync(string number, string done,
        Func<string, CertificateChangeRequest, CancellationToken, Task<Outcome<OfficerDetail>>> change, CancellationToken ct)
    {
        // Model binding reports a bad date in English; the service reports it in Chinese instead.
        ModelState.Clear();
        var outcome = await change(number, new CertificateChangeRequest(Input.Date, Input.Reason), ct);
        if (outcome.IsSuccess)
        {
            TempData["message"] = done;
            return RedirectToPage(new { number });
        }
        var error = outcome.Error;
        if (error.Kind == FailureKind.NotFound)
            return NotFound();
        if (error.Kind == FailureKind.Forbidden)
            return Forbid();
        PageErrors.Add(ModelState, error, nameof(Input));
        await LoadAsync(number, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var outcome = await queries.DetailAsync(number, ct);
        if (!outcome.IsSuccess)
            return false;
        Officer = outcome.Value;
        // Visible officers only reach here, so the agency check is the role check.
        CanManage = caller.MayManageCertificatesAtAll && (caller.SeesAllAgencies || caller.Role == Zhifa.Data.Accounts.Roles.AgencyAdmin);
        return true;
    }
}
