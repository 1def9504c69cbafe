using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Publicity;

namespace Zhifa.Pages.Public;

public sealed class CertificateModel(PublicCatalogQueries queries) : PageModel
{
    public string? Number { get; private set; }
    public CertificateCheck? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        Number = number;
        if (string.IsNullOrWhiteSpace(number))
            return;
        var outcome = await queries.CertificateAsync(number, ct);
        if (outcome.IsSuccess)
            Result = outcome.Value;
        else
            Error = outcome.Error.Message;
    }
}
