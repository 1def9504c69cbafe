using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Officers;

/// <summary>Officer lists and details within the caller's scope (API and pages).</summary>
public sealed class OfficerQueries(ZhifaDbContext db, CallerScope scope, CatalogQueries catalog)
{
    /// <summary>Search by name or certificate number (<paramref name="q"/>), optionally within one agency.</summary>
    /// <summary>
    /// Officers by name or certificate, agency, region and — the dashboard's 持证执法人员 — certified on a day: issued on or
    /// before it and not revoked by then (statistics.md).
    /// </summary>
    public async Task<Outcome<PageOf<OfficerSummary>>> SearchAsync(string? q, string? agencyCode, Paging paging, CancellationToken ct = default,
        string? region = null, DateOnly? certifiedOn = null)
    {
        var officers = scope.Officers(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            var code = Zhifa.Domain.Identifiers.RegionCode.Create(region.Trim());
            if (!code.IsSuccess)
                return AppError.Invalid("region", code.Error.Code, code.Error.Message);
            var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.RegionCode }).ToListAsync(ct);
            var ids = agencies.Where(a => Zhifa.Domain.Identifiers.RegionCode.Create(a.RegionCode) is { IsSuccess: true } r && code.Value.Covers(r.Value))
                .Select(a => a.Id).ToList();
            officers = officers.Where(o => ids.Contains(o.AgencyId));
        }
        if (certifiedOn is { } day)
            officers = officers.Where(o => o.IssuedOn <= day && (o.RevokedOn == null || o.RevokedOn > day));
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var agency = await catalog.VisibleAgencyAsync(agencyCode.Trim(), ct);
            if (!agency.IsSuccess)
                return agency.Error;
            var id = agency.Value.Id;
            officers = officers.Where(o => o.AgencyId == id);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            officers = officers.Where(o => o.Name.Contains(term) || o.CertificateNumber.Contains(term));
        }
        var rows = from o in officers
                   join a in db.Agencies on o.AgencyId equals a.Id
                   select new { o, a.Code, a.Name };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(x => x.o.CertificateNumber).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<OfficerSummary>(page.Select(x => new OfficerSummary(
            x.o.CertificateNumber, x.o.Name, x.Code, x.Name, x.o.IssuedOn, x.o.RevokedOn, x.o.SuspendedOn,
            OfficerText.Status(x.o.RevokedOn, x.o.SuspendedOn), x.o.IsLegalReviewer)).ToList(), total);
    }

    public async Task<Outcome<OfficerDetail>> DetailAsync(string certificateNumber, CancellationToken ct = default)
    {
        var row = await (from x in scope.Officers(db).AsNoTracking()
                         join a in db.Agencies on x.AgencyId equals a.Id
                         where x.CertificateNumber == certificateNumber
                         select new { o = x, a.Code, a.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
            return NotFound(certificateNumber);
        var officerId = row.o.Id;
        var events = await db.CertificateEvents.AsNoTracking().Where(e => e.OfficerId == officerId).ToListAsync(ct);
        var history = events.OrderBy(e => e.On).ThenBy(e => e.Id)
            .Select(e => new CertificateEventView(e.Kind.ToString(), OfficerText.KindName(e.Kind), e.On, e.Reason, e.RecordedAt, e.RecordedBy))
            .ToList();
        var o = row.o;
        return new OfficerDetail(o.CertificateNumber, o.Name, row.Code, row.Name, o.IssuedOn, o.RevokedOn, o.RevocationReason,
            o.SuspendedOn, OfficerText.Status(o.RevokedOn, o.SuspendedOn), o.IsLegalReviewer, OfficerText.Mask(o.ResidentId), history);
    }

    public static AppError NotFound(string certificateNumber) =>
        AppError.NotFound("officer.not_found", $"执法证号为\"{certificateNumber}\"的执法人员不存在");
}
