using System.Text.Json;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.PenaltyCases;

/// <summary>When and with which clerk a scheduled hearing is held, for the 听证通知书.</summary>
public sealed record HearingDetails(string? Time, string? Clerk);

/// <summary>
/// Facts the documents print that the penalty rules do not use: the party's address and contacts, the case's source
/// and cause, the hearing's hour and clerk, the place of service. Kept beside the snapshot (penalty_cases.details),
/// not in the aggregate. Anything missing is left blank on the document, to be filled in by hand.
/// </summary>
public sealed record PenaltyCaseDetails
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? PartyAddress { get; init; }
    public string? PartyPhone { get; init; }
    public string? PartyRepresentative { get; init; }
    public string? CaseSource { get; init; }
    public string? CaseCause { get; init; }

    /// <summary>By the index of the notice whose hearing it is.</summary>
    public IReadOnlyDictionary<int, HearingDetails> Hearings { get; init; } = new Dictionary<int, HearingDetails>();
    public string? ServicePlace { get; init; }

    public static PenaltyCaseDetails Read(string? json) =>
        string.IsNullOrEmpty(json) ? new() : JsonSerializer.Deserialize<PenaltyCaseDetails>(json, Json) ?? new();

    public string Write() => JsonSerializer.Serialize(this, Json);

    public PenaltyCaseDetails WithHearing(int notice, HearingDetails hearing) =>
        this with { Hearings = new Dictionary<int, HearingDetails>(Hearings) { [notice] = hearing } };
}

/// <summary>The API's names of the steps (POST /api/v1/penalty-cases/{id}/&lt;step&gt;), which also name their record entries (penalty.&lt;step&gt;).</summary>
public static class PenaltyStepRoutes
{
    public const string File = "file";
    public const string Summary = "summary";

    public static string Of(PenaltyStep step) => step switch
    {
        PenaltyStep.ApproveFiling => File,
        PenaltyStep.DecideOnTheSpot => Summary,
        PenaltyStep.SubmitForReview => "submit-review",
        PenaltyStep.PassReview or PenaltyStep.ReturnReview => "complete-review",
        _ => Kebab(step.ToString()),
    };

    /// <summary>The steps a page shows as buttons: pass and return of a review are one action, completing it.</summary>
    public static IEnumerable<(string Route, string Name)> Distinct(IEnumerable<PenaltyStep> steps) =>
        steps.Select(s => (Route: Of(s), Name: s is PenaltyStep.PassReview or PenaltyStep.ReturnReview ? "完成法制审核" : s.ToChinese()))
            .DistinctBy(s => s.Route);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
