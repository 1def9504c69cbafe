namespace Zhifa.Domain.PenaltyCases;

/// <summary>集体讨论 by the agency heads (行政处罚法 第五十七条).</summary>
public sealed class CollectiveDiscussionRecord
{
    private List<string> _participants = [];

    private CollectiveDiscussionRecord() { }

    internal CollectiveDiscussionRecord(DateOnly heldOn, IEnumerable<string> participants, string conclusion, DateTimeOffset recordedAt, string recordedBy)
    {
        HeldOn = heldOn;
        _participants = participants.ToList();
        Conclusion = conclusion;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public IReadOnlyList<string> Participants => _participants;
    public string Conclusion { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

/// <summary>An approved extension of the decision limit (行政处罚法 第六十条, 延长办案期限).</summary>
public sealed class DecisionLimitExtension
{
    private DecisionLimitExtension() { }

    internal DecisionLimitExtension(DateOnly approvedOn, int days, string reason, string approvedBy, DateTimeOffset recordedAt)
    {
        ApprovedOn = approvedOn;
        Days = days;
        Reason = reason;
        ApprovedBy = approvedBy;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public DateOnly ApprovedOn { get; private set; }
    public int Days { get; private set; }
    public string Reason { get; private set; } = "";
    public string ApprovedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>One step taken on the case, in order: who, in which role, from which stage to which, when.</summary>
public sealed class PenaltyStepEntry
{
    private PenaltyStepEntry() { }

    internal PenaltyStepEntry(PenaltyStep step, PenaltyStage? from, PenaltyStage to, string userName, string role, DateTimeOffset at)
    {
        Step = step;
        From = from;
        To = to;
        UserName = userName;
        Role = role;
        At = at;
    }

    public long Id { get; private set; }
    public PenaltyStep Step { get; private set; }
    public PenaltyStage? From { get; private set; }
    public PenaltyStage To { get; private set; }
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
