using Zhifa.Domain.Catalog;

namespace Zhifa.Domain.Cases;

/// <summary>
/// 执法案件: one enforcement act of an agency under one of its powers — an inspection, a penalty case or another kind.
/// This is the record the supervision statistics count; the penalty workflow (issue 3) builds on it.
/// </summary>
public sealed class EnforcementCase
{
    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    public long AgencyId { get; private set; }
    public PowerCategory Category { get; private set; }
    public long PowerId { get; private set; }

    /// <summary>立案日期 for a penalty case, inspection date for an inspection, start date otherwise.</summary>
    public DateOnly FiledOn { get; private set; }
    public ProcedureType? Procedure { get; private set; }
    public PartyType? PartyType { get; private set; }
    public string? PartyName { get; private set; }
    public string? PartyCreditCode { get; private set; }
    public decimal? Fine { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>Calendar days added to the decision limit by an approved extension (行政处罚法 第六十条).</summary>
    public int ExtensionDays { get; private set; }

    private EnforcementCase() { }

    public EnforcementCase(string number, long agencyId, PowerCategory category, long powerId, DateOnly filedOn)
    {
        Number = number;
        AgencyId = agencyId;
        Category = category;
        PowerId = powerId;
        FiledOn = filedOn;
    }

    public void SetDetails(ProcedureType? procedure, PartyType? partyType, string? partyName, string? partyCreditCode,
        decimal? fine, DateOnly? decidedOn, DateOnly? publishedOn, DateOnly? closedOn, string? outcome)
    {
        Procedure = procedure;
        PartyType = partyType;
        PartyName = partyName;
        PartyCreditCode = partyCreditCode;
        Fine = fine;
        DecidedOn = decidedOn;
        PublishedOn = publishedOn;
        ClosedOn = closedOn;
        Outcome = outcome;
    }
}

/// <summary>An officer named on a case; the filing date is copied here so participation is one index seek per officer.</summary>
public sealed class CaseOfficer
{
    public long CaseId { get; private set; }
    public long OfficerId { get; private set; }
    public DateOnly FiledOn { get; private set; }

    private CaseOfficer() { }

    public CaseOfficer(long caseId, long officerId, DateOnly filedOn)
    {
        CaseId = caseId;
        OfficerId = officerId;
        FiledOn = filedOn;
    }
}
