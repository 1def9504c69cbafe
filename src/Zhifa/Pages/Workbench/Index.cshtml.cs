using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Accounts;
using Zhifa.LegalReviews;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Pages.Workbench;

/// <summary>
/// 工作台: the caller's own cases, and the cases due soon or overdue (an officer's own; the agency's for the head and
/// the reviewers), each with its stage and next deadline; a reviewer's pending 法制审核 tasks.
/// </summary>
public sealed class IndexModel(PenaltyCaseQueries queries, LegalReviewQueries reviews, CallerScope caller) : PageModel
{
    private static readonly Paging Top = new(1, 50);

    public IReadOnlyList<PenaltyCaseListItem> Mine { get; private set; } = [];
    public PageOf<PenaltyCaseListItem> DueSoon { get; private set; } = new([], 0);
    public PageOf<PenaltyCaseListItem> Overdue { get; private set; } = new([], 0);
    public PageOf<ReviewTaskView>? Tasks { get; private set; }
    public bool IsOfficer => caller.Role == Roles.Officer;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (caller.Role is not (Roles.Officer or Roles.AgencyAdmin or Roles.Reviewer))
            return Redirect("/");
        var own = IsOfficer ? "me" : null;
        if (caller.OfficerId is not null)
            Mine = (await queries.ListAsync(new PenaltyCaseFilter(Officer: "me"), Top, ct)).Value.Items;
        DueSoon = (await queries.ListAsync(new PenaltyCaseFilter(Officer: own, Due: "soon"), Top, ct)).Value;
        Overdue = (await queries.ListAsync(new PenaltyCaseFilter(Officer: own, Due: "overdue"), Top, ct)).Value;
        if (caller.Role == Roles.Reviewer)
            Tasks = (await reviews.TasksAsync("pending", Top, ct)).Value;
        return Page();
    }
}
