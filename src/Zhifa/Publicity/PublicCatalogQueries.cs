using Zhifa.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Officers;
using Zhifa.Web;

namespace Zhifa.Publicity;

/// <summary>
/// 事前公开 (国办发〔2018〕118号): agencies, their powers with the legal basis, and the certificate check. Public
/// information, so no caller scope; what is no longer in force (an abolished agency, a power out of the catalog) is not shown.
/// Used by <c>/api/v1/public/…</c> and the pages under /public alike.
/// </summary>
/// <remarks>
/// The published discretion benchmarks and exemption list (行政处罚法 第三十三、三十四条) are read by
/// <see cref="Zhifa.Catalog.StandardsQueries"/> for GET /api/v1/public/benchmarks and the page /public/benchmarks.
/// </remarks>
public sealed class PublicCatalogQueries(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<PageOf<AgencyView>> AgenciesAsync(Paging paging, CancellationToken ct = default)
    {
        var today = Today();
        var q = db.Agencies.AsNoTracking().Where(a => a.AbolishedOn == null || a.AbolishedOn > today);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Code).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new { a.Code, a.Name, a.Category, a.RegionCode, a.ParentCode }).ToListAsync(ct);
        return new PageOf<AgencyView>(rows.Select(a => new AgencyView(a.Code, a.Name, a.Category.ToChinese(), a.RegionCode, a.ParentCode)).ToList(), total);
    }

    /// <summary>
    /// Powers in force today, optionally of one agency and containing <paramref name="q"/> in the name; with
    /// <paramref name="majorDecisionList"/> only those on their agency's 重大执法决定法制审核目录 (the published 目录清单, ADR-022).
    /// </summary>
    public async Task<Outcome<PageOf<PowerView>>> PowersAsync(string? agencyCode, string? q, Paging paging, CancellationToken ct = default,
        bool majorDecisionList = false)
    {
        var today = Today();
        var powers = db.Powers.AsNoTracking().Where(p => (p.ValidFrom == null || p.ValidFrom <= today) && (p.ValidTo == null || p.ValidTo >= today));
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var code = agencyCode.Trim();
            var agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
                return CatalogQueries.AgencyNotFound(code);
            powers = powers.Where(p => p.AgencyId == agencyId.Value);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            if (term.Length > PublicDecisionQueries.MaxTermLength)
                return AppError.Invalid("q", "request.too_long", $"关键词不能超过 {PublicDecisionQueries.MaxTermLength} 个字符");
            powers = powers.Where(p => p.Name.Contains(term) || p.Code == term);
        }
        if (majorDecisionList)
            powers = powers.Where(p => db.MajorDecisionList.Any(m => m.PowerId == p.Id));
        var rows = from p in powers
                   join a in db.Agencies on p.AgencyId equals a.Id
                   select new
                   {
                       p.Code, p.Name, p.Category, AgencyCode = a.Code, AgencyName = a.Name, p.LegalBasis,
                       Listed = db.MajorDecisionList.Any(m => m.PowerId == p.Id),
                   };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(x => x.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<PowerView>(page.Select(x => new PowerView(x.Code, x.Name, x.Category.ToChinese(), x.AgencyCode, x.AgencyName, x.LegalBasis, x.Listed)).ToList(), total);
    }

    /// <summary>执法证查询 (亮证): exact certificate number; the answer names the holder and the agency and says whether it is valid.</summary>
    public async Task<Outcome<CertificateCheck>> CertificateAsync(string? number, CancellationToken ct = default)
    {
        var n = number?.Trim() ?? "";
        if (n.Length == 0)
            return AppError.Invalid("certificateNumber", "officer.number_required", "请填写执法证号");
        if (n.Length > 64)
            return AppError.Invalid("certificateNumber", "request.too_long", "执法证号不能超过 64 个字符");
        var row = await (from o in db.Officers.AsNoTracking()
                         join a in db.Agencies on o.AgencyId equals a.Id
                         where o.CertificateNumber == n
                         select new { o.CertificateNumber, o.Name, o.IssuedOn, o.RevokedOn, o.SuspendedOn, a.Code, AgencyName = a.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return AppError.NotFound("officer.not_found", $"未查询到执法证号为\"{n}\"的执法证,请核对证号");
        var today = Today();
        var revoked = row.RevokedOn is { } r && r <= today;
        var suspended = !revoked && row.SuspendedOn is { } s && s <= today;
        var notYet = row.IssuedOn > today;
        return new CertificateCheck(row.CertificateNumber, row.Name, row.Code, row.AgencyName, !revoked && !suspended && !notYet,
            notYet ? "尚未生效" : OfficerText.Status(revoked ? row.RevokedOn : null, suspended ? row.SuspendedOn : null),
            suspended ? row.SuspendedOn : null, revoked ? row.RevokedOn : null);
    }

    private DateOnly Today() => clock.Today();
}
