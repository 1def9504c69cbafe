using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Web;

namespace Zhifa.Catalog;

public sealed record AgencyView(string Code, string Name, string Category, string RegionCode, string? ParentCode);

/// <summary>A power of the catalog; <see cref="OnMajorDecisionList"/>: on its agency's 重大执法决定法制审核目录 now (ADR-022).</summary>
public sealed record PowerView(string Code, string Name, string Category, string AgencyCode, string AgencyName, string? LegalBasis,
    bool OnMajorDecisionList);

/// <summary>Agencies and powers as the caller may see them (used by the API and the pages).</summary>
public sealed class CatalogQueries(ZhifaDbContext db, CallerScope scope)
{
    public async Task<PageOf<AgencyView>> AgenciesAsync(Paging paging, CancellationToken ct = default)
    {
        var q = scope.Agencies(db).AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<AgencyView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<Outcome<AgencyView>> AgencyAsync(string code, CancellationToken ct = default)
    {
        var a = await scope.Agencies(db).AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return a is null ? AgencyNotFound(code) : ToView(a);
    }

    /// <summary>The visible agency with this code, or the 404 that hides whether it exists elsewhere.</summary>
    public async Task<Outcome<Agency>> VisibleAgencyAsync(string code, CancellationToken ct = default)
    {
        var a = await scope.Agencies(db).AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return a is null ? AgencyNotFound(code) : a;
    }

    public async Task<Outcome<PageOf<PowerView>>> PowersAsync(string? agencyCode, Paging paging, CancellationToken ct = default)
    {
        var powers = scope.Powers(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var agency = await VisibleAgencyAsync(agencyCode.Trim(), ct);
            if (!agency.IsSuccess)
                return agency.Error;
            var id = agency.Value.Id;
            powers = powers.Where(p => p.AgencyId == id);
        }
        var q = from p in powers
                join a in db.Agencies on p.AgencyId equals a.Id
                select new { p, a.Code, a.Name, Listed = db.MajorDecisionList.Any(m => m.PowerId == p.Id) };
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.p.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<PowerView>(rows.Select(x => ToView(x.p, x.Code, x.Name, x.Listed)).ToList(), total);
    }

    public async Task<Outcome<PowerView>> PowerAsync(string code, CancellationToken ct = default)
    {
        var row = await (from p in scope.Powers(db).AsNoTracking()
                         join a in db.Agencies on p.AgencyId equals a.Id
                         where p.Code == code
                         select new { p, a.Code, a.Name, Listed = db.MajorDecisionList.Any(m => m.PowerId == p.Id) }).FirstOrDefaultAsync(ct);
        return row is null
            ? AppError.NotFound("power.not_found", $"职权\"{code}\"不存在")
            : ToView(row.p, row.Code, row.Name, row.Listed);
    }

    public static AppError AgencyNotFound(string code) => AppError.NotFound("agency.not_found", $"执法主体\"{code}\"不存在");

    private static AgencyView ToView(Agency a) => new(a.Code, a.Name, a.Category.ToChinese(), a.RegionCode, a.ParentCode);

    private static PowerView ToView(Power p, string agencyCode, string agencyName, bool listed) =>
        new(p.Code, p.Name, p.Category.ToChinese(), agencyCode, agencyName, p.LegalBasis, listed);
}
