using System.Globalization;
using System.Security.Claims;
using Zhifa.Accounts;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Officers;

namespace Zhifa.Web;

/// <summary>
/// What the signed-in caller may see and do: admin and supervisor see every agency; agency-admin, officer and
/// reviewer see only their own. Every query of the API and the pages starts from these filtered sets, so a
/// resource of another agency is simply absent (404), never "forbidden" (which would reveal it exists).
/// </summary>
public sealed class CallerScope
{
    private static readonly string[] Precedence = [Roles.Admin, Roles.Supervisor, Roles.AgencyAdmin, Roles.Reviewer, Roles.Officer];

    public string? UserName { get; private init; }
    public string? Role { get; private init; }
    public long? AgencyId { get; private init; }

    /// <summary>The officer the account belongs to (its user name is a certificate number, ADR-002); null otherwise.</summary>
    public long? OfficerId { get; private init; }

    public bool IsAuthenticated => UserName is not null;
    public bool IsAdmin => Role == Roles.Admin;
    public bool SeesAllAgencies => Role is Roles.Admin or Roles.Supervisor;

    public static CallerScope From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return new CallerScope();
        var agency = user.FindFirstValue(ZhifaClaims.AgencyId);
        var officer = user.FindFirstValue(ZhifaClaims.OfficerId);
        return new CallerScope
        {
            UserName = user.Identity.Name,
            Role = Precedence.FirstOrDefault(user.IsInRole),
            AgencyId = long.TryParse(agency, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
            OfficerId = long.TryParse(officer, NumberStyles.None, CultureInfo.InvariantCulture, out var oid) ? oid : null,
        };
    }

    public static CallerScope For(string userName, string role, long? agencyId, long? officerId = null) =>
        new() { UserName = userName, Role = role, AgencyId = agencyId, OfficerId = officerId };

    public bool CanSee(long agencyId) => SeesAllAgencies || (Role is not null && AgencyId == agencyId);

    /// <summary>Issue, suspend, reinstate and revoke certificates: the supervision office, or the agency's own administrator.</summary>
    public bool CanManageCertificates(long agencyId) =>
        Role is Roles.Admin or Roles.Supervisor || (Role == Roles.AgencyAdmin && AgencyId == agencyId);

    public bool MayManageCertificatesAtAll => Role is Roles.Admin or Roles.Supervisor or Roles.AgencyAdmin;

    /// <summary>An id no row has when the caller has no role or no agency: such a caller sees nothing.</summary>
    private long OwnAgencyOrNone => Role is not null && AgencyId is { } id ? id : -1;

    public IQueryable<Agency> Agencies(ZhifaDbContext db) =>
        SeesAllAgencies ? db.Agencies : db.Agencies.Where(a => a.Id == OwnAgencyOrNone);

    public IQueryable<Power> Powers(ZhifaDbContext db) =>
        SeesAllAgencies ? db.Powers : db.Powers.Where(p => p.AgencyId == OwnAgencyOrNone);

    public IQueryable<Officer> Officers(ZhifaDbContext db) =>
        SeesAllAgencies ? db.Officers : db.Officers.Where(o => o.AgencyId == OwnAgencyOrNone);
}
