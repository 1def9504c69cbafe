using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>A power offered in a form.</summary>
public sealed record PowerChoice(string Code, string Name);

/// <summary>What the 立案 and 简易程序 forms offer: the caller's agency's penalty powers in force and its officers who may act today.</summary>
public sealed record PenaltyFormOptions(IReadOnlyList<PowerChoice> Powers, IReadOnlyList<OfficerOption> Officers)
{
    public static async Task<PenaltyFormOptions> LoadAsync(ZhifaDbContext db, CallerScope caller, DateOnly today, CancellationToken ct)
    {
        if (caller.AgencyId is not { } agency)
            return new PenaltyFormOptions([], []);
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agency && p.Category == PowerCategory.Penalty)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.AgencyId == agency).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return new PenaltyFormOptions(
            powers.Where(p => p.ValidOn(today)).Select(p => new PowerChoice(p.Code, p.Name)).ToList(),
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
