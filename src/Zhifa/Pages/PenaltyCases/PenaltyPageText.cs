using Zhifa.Domain.PenaltyCases;
using Zhifa.PenaltyCases;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>Chinese names of the record entries a case page shows (<c>penalty.&lt;step&gt;</c> and the evidence uploads).</summary>
public static class PenaltyPageText
{
    private static readonly Dictionary<string, string> Steps = Enum.GetValues<PenaltyStep>()
        .Select(s => (Route: PenaltyStepRoutes.Of(s), Name: s is PenaltyStep.PassReview or PenaltyStep.ReturnReview ? "完成法制审核" : s.ToChinese()))
        .DistinctBy(s => s.Route)
        .ToDictionary(s => "penalty." + s.Route, s => s.Name);

    public static string EntryName(string kind) => Steps.TryGetValue(kind, out var name) ? name : kind switch
    {
        "evidence.added" => "上传证据",
        _ => kind,
    };
}
