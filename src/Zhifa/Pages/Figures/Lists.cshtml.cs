using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Data.Statistics;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Pages.Figures;

/// <summary>
/// The lists behind the dashboard's problem figures — 零执法 (agency-months), 超期处罚案件, 逾期公示, 未公示决定 — exactly
/// as <see cref="SupervisionFigures"/> holds them for the period and scope (scoped like the statistics).
/// </summary>
public sealed class ListsModel(StatisticsQueries statistics) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["zero"] = "零执法(机关·月)",
        ["overdue"] = "超期处罚案件",
        ["late"] = "逾期公示的处罚决定",
        ["unpublished"] = "未公示的处罚决定",
    };

    public string List { get; private set; } = "zero";
    public string Title => Titles.GetValueOrDefault(List, "");
    public SupervisionFigures? Figures { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<string> Numbers { get; private set; } = [];

    public async Task OnGetAsync(string? list, string? from, string? to, string? region, string? agency, CancellationToken ct)
    {
        List = list ?? "";
        if (!Titles.ContainsKey(List))
        {
            Error = "list 应为 zero(零执法)、overdue(超期处罚案件)、late(逾期公示)或 unpublished(未公示决定)";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var outcome = await statistics.ComputeAsync(from, to, region, agency, ct);
        if (!outcome.IsSuccess)
        {
            Error = outcome.Error.Message;
            Response.StatusCode = outcome.Error.Kind switch
            {
                FailureKind.Forbidden => StatusCodes.Status403Forbidden,
                FailureKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
            return;
        }
        Figures = outcome.Value;
        Numbers = List switch
        {
            "overdue" => Figures.OverduePenaltyCases,
            "late" => Figures.LatePublicity,
            "unpublished" => Figures.UnpublishedDecisions,
            _ => [],
        };
    }
}
