using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>A power offered in a form; <see cref="OnMajorDecisionList"/>: on the agency's 重大执法决定法制审核目录 (ADR-022).</summary>
public sealed record PowerChoice(string Code, string Name, bool OnMajorDecisionList = false);

/// <summary>What the 立案 and 简易程序 forms offer: the caller's agency's penalty powers in force and its officers who may act today.</summary>
public sealed record PenaltyFormOptions(IReadOnlyList<PowerChoice> Powers, IReadOnlyList<OfficerOption> Officers)
{
    public static async Task<PenaltyFormOptions> LoadAsync(ZhifaDbContext db, CallerScope caller, DateOnly today, CancellationToken ct)
    {
        if (caller.AgencyId is not { } agency)
            return new PenaltyFormOptions([], []);
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agency && p.Category == PowerCategory.Penalty)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var listed = await db.MajorDecisionList.AsNoTracking().Where(m => db.Powers.Any(p => p.Id == m.PowerId && p.AgencyId == agency))
            .Select(m => m.PowerId).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.AgencyId == agency).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return new PenaltyFormOptions(
            powers.Where(p => p.ValidOn(today)).Select(p => new PowerChoice(p.Code, p.Name, listed.Contains(p.Id))).ToList(),
            officers.Where(o => o.MayActOn(today)).Select(o => new OfficerOption(o.CertificateNumber, o.Name)).ToList());
    }
}

/// <summary>当事人 as the forms bind it.</summary>
public sealed class PartyForm
{
    public string? Type { get; set; } = "法人";
    public string? Name { get; set; }
    public string? Identifier { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }

    public Zhifa.PenaltyCases.PartyRequest ToRequest() => new() { Type = Type, Name = Name, Identifier = Blank(Identifier), Address = Blank(Address), Phone = Blank(Phone) };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
