using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Publicity;

namespace Zhifa.Pages.Public.Decisions;

/// <summary>One shown decision: the same query as GET /api/v1/public/decisions/{number}; anything not shown is 404.</summary>
public sealed class DetailModel(PublicDecisionQueries decisions) : PageModel
{
    public PublicDecision? Decision { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var outcome = await decisions.DecisionAsync(number, ct);
        if (!outcome.IsSuccess)
            return NotFound();
        Decision = outcome.Value;
        return Page();
    }
}
