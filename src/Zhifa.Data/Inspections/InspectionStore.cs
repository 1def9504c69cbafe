using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Inspections;

namespace Zhifa.Data.Inspections;

/// <summary>An inspection as loaded for a change: the aggregate, and the two tracked rows it is written back to.</summary>
public sealed record StoredInspection(Inspection Inspection, EnforcementCase Case, InspectionRow Row);

/// <summary>Maps the <see cref="Inspection"/> aggregate to its case row, its officers and its detail row, and back.</summary>
public static class InspectionStore
{
    /// <summary>The kinds of entry an inspection writes to its full-process record (ADR-006).</summary>
    public const string RecordedKind = "inspection.recorded";
    public const string RectifiedKind = "inspection.rectified";
    public const string ReferredKind = "inspection.referred";

    /// <summary>The penalty case filed later from an officer's referral, linked by the agency head's 立案.</summary>
    public const string CaseFiledKind = "inspection.case-filed";

    /// <summary>The case row of a new inspection: category 行政检查, filed on the inspection date, the result as outcome.</summary>
    public static EnforcementCase NewCase(Inspection inspection, string number)
    {
        var f = inspection.Facts;
        var row = new EnforcementCase(number, f.AgencyId, Zhifa.Domain.Catalog.PowerCategory.Inspection, f.PowerId, f.InspectedOn);
        row.SetDetails(null, f.Party.Type, f.Party.Name, f.Party.CreditCode, null, null, null, inspection.ClosedOn, f.Result.ToChinese());
        return row;
    }

    public static InspectionRow NewRow(Inspection inspection, long caseId)
    {
        var f = inspection.Facts;
        return new InspectionRow
        {
            CaseId = caseId,
            PartyIdNumber = f.Party.IdNumber,
            PartyIdAbsentReason = f.Party.IdAbsentReason,
            Location = f.Location,
            Findings = f.Findings,
            Result = f.Result,
            RectificationDeadline = f.RectificationDeadline,
            CreatedBy = f.CreatedBy,
            CreatedAt = f.CreatedAt,
            Version = 1,
        };
    }

    /// <summary>Loads an inspection with its rows tracked for a change; null when there is no such inspection.</summary>
    public static async Task<StoredInspection?> LoadAsync(ZhifaDbContext db, long caseId, CancellationToken ct = default)
    {
        var row = await db.Inspections.FirstOrDefaultAsync(i => i.CaseId == caseId, ct);
        if (row is null)
            return null;
        var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
        var officers = await (from co in db.CaseOfficers.AsNoTracking()
                              join o in db.Officers.AsNoTracking() on co.OfficerId equals o.Id
                              where co.CaseId == caseId
                              orderby o.CertificateNumber
                              select new InspectionOfficer(o.Id, o.Name)).ToListAsync(ct);
        return new StoredInspection(Restore(c, row, officers), c, row);
    }

    /// <summary>The aggregate of a case row, its detail row and its officers, as stored.</summary>
    public static Inspection Restore(EnforcementCase c, InspectionRow row, IReadOnlyList<InspectionOfficer> officers)
    {
        var party = InspectionParty.Stored(c.PartyType ?? PartyType.NaturalPerson, c.PartyName ?? "", row.PartyIdNumber, row.PartyIdAbsentReason);
        var facts = new InspectionFacts(c.AgencyId, c.PowerId, officers, party, c.FiledOn, row.Location, row.Findings, row.Result,
            row.RectificationDeadline, row.CreatedBy, row.CreatedAt);
        return Inspection.Restore(facts, row.RectifiedOn, row.RectificationNote, row.ReferredOn, row.ReferredBy, row.PenaltyCaseId);
    }

    /// <summary>Writes the follow-up of a changed inspection back to its rows and moves the version on.</summary>
    public static void WriteBack(StoredInspection stored)
    {
        var (inspection, c, row) = stored;
        row.RectifiedOn = inspection.RectifiedOn;
        row.RectificationNote = inspection.RectificationNote;
        row.ReferredOn = inspection.ReferredOn;
        row.ReferredBy = inspection.ReferredBy;
        row.PenaltyCaseId = inspection.PenaltyCaseId;
        row.Version++;
        c.SetDetails(c.Procedure, c.PartyType, c.PartyName, c.PartyCreditCode, c.Fine, c.DecidedOn, c.PublishedOn, inspection.ClosedOn, c.Outcome);
    }
}
