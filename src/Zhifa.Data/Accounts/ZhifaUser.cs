using Microsoft.AspNetCore.Identity;

namespace Zhifa.Data.Accounts;

/// <summary>A sign-in account. Agency-bound roles (agency-admin, officer, reviewer) carry their agency here.</summary>
public sealed class ZhifaUser : IdentityUser
{
    public long? AgencyId { get; set; }

    /// <summary>The officer this account belongs to, when the user name is a certificate number.</summary>
    public long? OfficerId { get; set; }
    public string? DisplayName { get; set; }
}
