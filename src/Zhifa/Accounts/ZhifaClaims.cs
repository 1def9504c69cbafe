using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhifa.Data.Accounts;

namespace Zhifa.Accounts;

/// <summary>Claim types the platform adds to a signed-in principal (cookie and bearer token alike).</summary>
public static class ZhifaClaims
{
    public const string AgencyId = "zhifa:agency_id";
    public const string OfficerId = "zhifa:officer_id";
    public const string DisplayName = "zhifa:display_name";
}

/// <summary>
/// Puts the account's agency into the principal so every request can be scoped without a database read; the
/// cookie's security-stamp check refreshes it, a bearer token lives one hour.
/// </summary>
public sealed class ZhifaClaimsFactory(UserManager<ZhifaUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ZhifaUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ZhifaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency)
            identity.AddClaim(new Claim(ZhifaClaims.AgencyId, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.OfficerId is { } officer)
            identity.AddClaim(new Claim(ZhifaClaims.OfficerId, officer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim(ZhifaClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
