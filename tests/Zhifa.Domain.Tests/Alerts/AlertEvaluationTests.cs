using Zhifa.Domain.Alerts;

namespace Zhifa.Domain.Tests.Alerts;

/// <summary>The pure reconciliation of causes found with the alerts still open.</summary>
public sealed class AlertEvaluationTests
{
    private static AlertFact Case(AlertKind kind, long agency, long id) => new(kind, agency, AlertFact.CaseRecord(id), $"第{id}号", "");

    [Fact]
    public void Reconcile_OpensNewCauses_KeepsFoundOnes_ClosesTheGone()
    {
        var open = new Dictionary<AlertKey, long>
        {
            [Case(AlertKind.DecisionOverdue, 1, 10).Key] = 100,
            [Case(AlertKind.DecisionUnpublished, 1, 11).Key] = 101,
        };

        var changes = AlertEvaluation.Reconcile([Case(AlertKind.DecisionOverdue, 1, 10), Case(AlertKind.DecisionDue, 1, 12), Case(AlertKind.DecisionDue, 1, 12)], open);

        changes.ToOpen.Select(f => f.RecordKey).ShouldBe(["case:12"]);
        changes.ToClose.ShouldBe([101L]);
    }

    [Fact]
    public void Reconcile_TheSameCauseOfAnotherKindOrAgency_IsAnotherAlert()
    {
        var open = new Dictionary<AlertKey, long> { [Case(AlertKind.DecisionDue, 1, 10).Key] = 100 };

        var changes = AlertEvaluation.Reconcile([Case(AlertKind.DecisionOverdue, 1, 10)], open);

        changes.ToOpen.Single().Kind.ShouldBe(AlertKind.DecisionOverdue);
        changes.ToClose.ShouldBe([100L]);
    }

    [Fact]
    public void Kinds_HaveChineseTitlesAndRules_AndParseFromEither()
    {
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            kind.Title().ShouldMatch("^[\u4e00-\u9fff\"]+$");
            kind.Rule().ShouldNotBeNullOrWhiteSpace();
            AlertKinds.Parse(kind.ToString()).ShouldBe(kind);
            AlertKinds.Parse(kind.Title()).ShouldBe(kind);
        }
        AlertKinds.Parse("nonsense").ShouldBeNull();
    }
}
