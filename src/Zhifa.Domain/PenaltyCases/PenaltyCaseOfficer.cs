namespace Zhifa.Domain.PenaltyCases;

/// <summary>An officer assigned to a penalty case (承办人员); recusal (回避, 第四十三条) is kept, never deleted.</summary>
public sealed class PenaltyCaseOfficer
{
    private PenaltyCaseOfficer() { }

    internal PenaltyCaseOfficer(long officerId, string name, DateOnly assignedOn)
    {
        OfficerId = officerId;
        Name = name;
        AssignedOn = assignedOn;
    }

    public long Id { get; private set; }
    public long OfficerId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly AssignedOn { get; private set; }
    public DateOnly? RecusedOn { get; private set; }
    public string? RecusalReason { get; private set; }

    public bool IsActive => RecusedOn is null;

    internal void Recuse(DateOnly on, string reason)
    {
        RecusedOn = on;
        RecusalReason = reason.Trim();
    }
}
