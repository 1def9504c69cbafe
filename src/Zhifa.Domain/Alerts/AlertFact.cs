namespace Zhifa.Domain.Alerts;

/// <summary>
/// One cause of an alert found in the records: its kind, the agency, and the record (a case, an officer, a month or
/// an officer's year) as a stable reference. Two evaluations finding the same cause yield the same <see cref="Key"/>.
/// </summary>
public sealed record AlertFact(AlertKind Kind, long AgencyId, string RecordKey, string RecordLabel, string Details,
    long? CaseId = null, long? OfficerId = null)
{
    public AlertKey Key => new(Kind, AgencyId, RecordKey);

    public static string CaseRecord(long caseId) => $"case:{caseId}";
    public static string OfficerRecord(long officerId) => $"officer:{officerId}";
    public static string MonthRecord(string month) => $"month:{month}";
    public static string OfficerYearRecord(long officerId, int year) => $"officer:{officerId}:{year}";
    public static string RectificationRecord(long noticeId) => $"rectification:{noticeId}";
}

/// <summary>The identity of an alert: the same kind of cause on the same record of the same agency.</summary>
public readonly record struct AlertKey(AlertKind Kind, long AgencyId, string RecordKey);

/// <summary>What an evaluation changes: the alerts to open (new causes) and the open alerts to close (causes gone).</summary>
public sealed record AlertChanges(IReadOnlyList<AlertFact> ToOpen, IReadOnlyList<long> ToClose);

public static class AlertEvaluation
{
    /// <summary>
    /// Compares the causes found now with the alerts still open (id by key): a cause without an open alert opens one,
    /// an open alert whose cause is found again stays as it is, and an open alert whose cause is gone is closed.
    /// Running it twice on the same facts changes nothing the second time.
    /// </summary>
    public static AlertChanges Reconcile(IEnumerable<AlertFact> found, IReadOnlyDictionary<AlertKey, long> open)
    {
        var seen = new HashSet<AlertKey>();
        var toOpen = new List<AlertFact>();
        foreach (var fact in found)
        {
            if (!seen.Add(fact.Key))
                continue;
            if (!open.ContainsKey(fact.Key))
                toOpen.Add(fact);
        }
        var toClose = open.Where(kv => !seen.Contains(kv.Key)).Select(kv => kv.Value).Order().ToList();
        return new AlertChanges(toOpen, toClose);
    }
}
