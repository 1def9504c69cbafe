using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Inspections;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Inspections;
using Zhifa.Web;

namespace Zhifa.Inspections;

/// <summary>The filters of the inspection list, as the query string gives them.</summary>
public sealed record InspectionFilter(string? From = null, string? To = null, string? Result = null, string? Officer = null,
    string? Party = null, string? Agency = null);

/// <summary>
/// Inspections as the caller may see them (API and pages): an agency's staff see their own agency's, the supervision
/// office every agency's; another agency's inspection is simply not there (404).
/// </summary>
public sealed class InspectionQueries(ZhifaDbContext db, CallerScope scope, TimeProvider clock)
{
    // Member initialisation, not a constructor: EF translates filters on the members of such a projection.
    private sealed class Row
    {
        public required EnforcementCase Case { get; init; }
        public required InspectionRow Detail { get; init; }
        public required string AgencyCode { get; init; }
        public required string AgencyName { get; init; }
        public required string PowerCode { get; init; }
        public required string PowerName { get; init; }
    }

    private sealed record OfficerOn(long CaseId, long OfficerId, string CertificateNumber, string Name);

    public static AppError NotFound(long id) => AppError.NotFound("inspection.not_found", $"行政检查 {id} 不存在");

    private IQueryable<Row> Visible()
    {
        var rows = from c in db.Cases.AsNoTracking()
                   join i in db.Inspections.AsNoTracking() on c.Id equals i.CaseId
                   join a in db.Agencies.AsNoTracking() on c.AgencyId equals a.Id
                   join p in db.Powers.AsNoTracking() on c.PowerId equals p.Id
                   select new Row { Case = c, Detail = i, AgencyCode = a.Code, AgencyName = a.Name, PowerCode = p.Code, PowerName = p.Name };
        if (scope.SeesAllAgencies)
            return rows;
        var own = scope.Role is not null && scope.AgencyId is { } id ? id : -1;
        return rows.Where(r => r.Case.AgencyId == own);
    }

    public async Task<Outcome<PageOf<InspectionSummary>>> ListAsync(InspectionFilter filter, Paging paging, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ParseDate(filter.From, "from", errors);
        var to = ParseDate(filter.To, "to", errors);
        InspectionResult? result = null;
        if (!string.IsNullOrWhiteSpace(filter.Result))
        {
            if (InspectionNames.TryParseResult(filter.Result, out var r))
                result = r;
            else
                errors["result"] = [$"检查结果应为：{InspectionNames.AllResults}"];
        }
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var rows = Visible();
        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            var code = filter.Agency.Trim();
            var agency = await scope.Agencies(db).AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
            if (agency is null)
                return Catalog.CatalogQueries.AgencyNotFound(code);
            rows = rows.Where(x => x.Case.AgencyId == agency.Id);
        }
        if (from is { } f)
            rows = rows.Where(x => x.Case.FiledOn >= f);
        if (to is { } t)
            rows = rows.Where(x => x.Case.FiledOn <= t);
        if (result is { } res)
            rows = rows.Where(x => x.Detail.Result == res);
        if (!string.IsNullOrWhiteSpace(filter.Officer))
        {
            var number = filter.Officer.Trim();
            rows = rows.Where(x => db.CaseOfficers.Any(co => co.CaseId == x.Case.Id
                && db.Officers.Any(o => o.Id == co.OfficerId && o.CertificateNumber == number)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Party))
        {
            var term = filter.Party.Trim();
            rows = rows.Where(x => (x.Case.PartyName != null && x.Case.PartyName.Contains(term))
                || (x.Detail.PartyIdNumber != null && x.Detail.PartyIdNumber.Contains(term)));
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(x => x.Case.FiledOn).ThenByDescending(x => x.Case.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var officers = await OfficersOfAsync(page.Select(x => x.Case.Id).ToList(), ct);
        var today = Inspection.Today(clock);
        return new PageOf<InspectionSummary>(page.Select(x =>
        {
            var named = officers[x.Case.Id];
            var inspection = InspectionStore.Restore(x.Case, x.Detail, Named(named));
            var party = inspection.Facts.Party;
            var status = inspection.StatusOn(today);
            return new InspectionSummary(x.Case.Id, x.Case.Number, x.AgencyCode, x.AgencyName, x.PowerCode, x.PowerName, x.Case.FiledOn,
                party.Type.ToString(), party.Type.ToChinese(), party.Name, InspectionText.MaskId(party.Type, party.IdNumber),
                x.Detail.Result.ToString(), x.Detail.Result.ToChinese(), x.Detail.RectificationDeadline, x.Detail.RectifiedOn,
                status.ToString(), status.ToChinese(), Views(named));
        }).ToList(), total);
    }

    public async Task<Outcome<InspectionDetail>> DetailAsync(long id, CancellationToken ct = default)
    {
        var x = await Visible().FirstOrDefaultAsync(r => r.Case.Id == id, ct);
        if (x is null)
            return NotFound(id);
        var named = (await OfficersOfAsync([id], ct))[id];
        var inspection = InspectionStore.Restore(x.Case, x.Detail, Named(named));
        var f = inspection.Facts;
        var d = x.Detail;
        var status = inspection.StatusOn(Inspection.Today(clock));
        var idNumber = InspectionAccess.MayActOn(scope, x.Case.AgencyId) ? f.Party.IdNumber : InspectionText.MaskId(f.Party.Type, f.Party.IdNumber);
        return new InspectionDetail(id, x.Case.Number, x.AgencyCode, x.AgencyName, x.PowerCode, x.PowerName, f.InspectedOn, f.Location,
            f.Party.Type.ToString(), f.Party.Type.ToChinese(), f.Party.Name, idNumber, f.Party.IdAbsentReason, Views(named), f.Findings,
            f.Result.ToString(), f.Result.ToChinese(), f.RectificationDeadline, d.RectifiedOn, d.RectificationNote, inspection.RectifiedLate,
            d.ReferredOn, d.ReferredBy, d.PenaltyCaseId, status.ToString(), status.ToChinese(), inspection.ClosedOn, d.CreatedBy, d.CreatedAt,
            d.Version, $"/api/v1/cases/{id}/record")
        {
            PenaltyCaseNumber = d.PenaltyCaseId is { } caseId
                ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).FirstOrDefaultAsync(ct)
                : null,
        };
    }

    /// <summary>The agency of an inspection the caller can see, or null.</summary>
    public Task<long?> AgencyOfAsync(long id, CancellationToken ct = default) =>
        Visible().Where(r => r.Case.Id == id).Select(r => (long?)r.Case.AgencyId).FirstOrDefaultAsync(ct);

    /// <summary>The caller's agency's inspection powers in force today and its officers who may act today.</summary>
    public async Task<InspectionFormOptions> FormOptionsAsync(CancellationToken ct = default)
    {
        if (!InspectionAccess.MayRecord(scope))
            return new InspectionFormOptions([], []);
        var agency = scope.AgencyId!.Value;
        var today = Inspection.Today(clock);
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agency && p.Category == PowerCategory.Inspection)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.AgencyId == agency).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return new InspectionFormOptions(
            powers.Where(p => p.ValidOn(today)).Select(p => new PowerOption(p.Code, p.Name, p.LegalBasis)).ToList(),
            officers.Where(o => o.MayActOn(today)).Select(o => new InspectionOfficerView(o.CertificateNumber, o.Name)).ToList());
    }

    /// <summary>
    /// The material a penalty case is filed with (立案): the party, the facts from the findings, the inspection date as
    /// the discovery date (行政处罚法 第三十六条 counts from it), the agency's penalty powers in force on the referral day
    /// and the inspection's officers with whether each may still act.
    /// </summary>
    public async Task<PenaltyCaseReferral> ReferralAsync(StoredInspection stored, DateOnly on, CancellationToken ct = default)
    {
        var (inspection, c, _) = stored;
        var f = inspection.Facts;
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == c.AgencyId, ct);
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == c.AgencyId && p.Category == PowerCategory.Penalty)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var officerIds = f.Officers.Select(o => o.OfficerId).ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return new PenaltyCaseReferral(c.Id, c.Number, agency.Id, agency.Code, agency.Name,
            new ReferralParty(f.Party.Type, f.Party.Type.ToChinese(), f.Party.Name, f.Party.IdNumber, f.Party.IdAbsentReason),
            f.Findings, f.Location, f.InspectedOn, on, inspection.ReferredBy ?? scope.UserName ?? "",
            powers.Where(p => p.ValidOn(on)).Select(p => new ReferralPower(p.Id, p.Code, p.Name, p.LegalBasis)).ToList(),
            officers.Select(o => new ReferralOfficer(o.Id, o.CertificateNumber, o.Name, o.MayActOn(on))).ToList(),
            inspection.PenaltyCaseId);
    }

    /// <summary>The referral material of an inspection already referred (the detail page shows it), or 404.</summary>
    public async Task<Outcome<PenaltyCaseReferral>> ReferralOfAsync(long id, CancellationToken ct = default)
    {
        if (!await Visible().AnyAsync(r => r.Case.Id == id, ct))
            return NotFound(id);
        var stored = await InspectionStore.LoadAsync(db, id, ct);
        if (stored?.Inspection.ReferredOn is not { } on)
            return AppError.Conflict("inspection.not_referred", "该检查尚未移交立案");
        return await ReferralAsync(stored, on, ct);
    }

    private async Task<ILookup<long, OfficerOn>> OfficersOfAsync(List<long> caseIds, CancellationToken ct)
    {
        var rows = await (from co in db.CaseOfficers.AsNoTracking()
                          join o in db.Officers.AsNoTracking() on co.OfficerId equals o.Id
                          where caseIds.Contains(co.CaseId)
                          select new OfficerOn(co.CaseId, o.Id, o.CertificateNumber, o.Name)).ToListAsync(ct);
        return rows.OrderBy(r => r.CertificateNumber, StringComparer.Ordinal).ToLookup(r => r.CaseId);
    }

    private static List<InspectionOfficer> Named(IEnumerable<OfficerOn> officers) => officers.Select(o => new InspectionOfficer(o.OfficerId, o.Name)).ToList();

    private static List<InspectionOfficerView> Views(IEnumerable<OfficerOn> officers) =>
        officers.Select(o => new InspectionOfficerView(o.CertificateNumber, o.Name)).ToList();

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[field] = [$"{field} 应为 YYYY-MM-DD 格式的日期"];
        return null;
    }
}
