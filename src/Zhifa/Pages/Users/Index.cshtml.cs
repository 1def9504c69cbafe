using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Accounts;
using Zhifa.Catalog;
using Zhifa.Web;

namespace Zhifa.Pages.Users;

/// <summary>Administrators list accounts and create new ones (the folder is admin-only, see WebApp).</summary>
public sealed class IndexModel(AccountCommands accounts, CatalogQueries catalog) : PageModel
{
    public sealed class NewUserInput
    {
        public string? UserName { get; set; }
        public string? Role { get; set; }
        public string? Agency { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];
    public IReadOnlyList<AgencyView> Agencies { get; private set; } = [];
    public NewAccount? Created { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await accounts.CreateAsync(Input.UserName ?? "", Input.Role ?? "", Input.Agency, ct);
        if (outcome.IsSuccess)
        {
            Created = outcome.Value;
            Input = new NewUserInput();
        }
        else
            PageErrors.Add(ModelState, outcome.Error, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = await accounts.ListAsync(ct);
        Agencies = (await catalog.AgenciesAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
    }
}
