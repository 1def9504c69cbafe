using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.Import;

/// <summary>A checked row of cases.csv, ready to be written.</summary>
public sealed class CaseRow
{
    public long Line;
    public string Number = "";
    public long AgencyId;
    public PowerCategory Category;
    public long PowerId;
    public DateOnly FiledOn;
    public ProcedureType? Procedure;
    public PartyType? PartyType;
    public string? PartyName;
    public string? PartyCreditCode;
    public long? FineFen;
    public DateOnly? DecidedOn;
    public DateOnly? PublishedOn;
    public DateOnly? ClosedOn;
    public string? Outcome;
    public readonly List<long> OfficerIds = new(4);
}
