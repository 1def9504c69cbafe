using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;

namespace Zhifa.Accounts;

/// <summary>The one Identity configuration, shared by the web host and <c>zhifa user add</c>.</summary>
public static class IdentitySetup
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;

    public static IdentityBuilder AddZhifaIdentity(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        services.AddDbContext<ZhifaDbContext>(target.Configure);
        services.AddLogging();
        return services.AddIdentityCore<ZhifaUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                // Certificate numbers may carry Chinese characters (津…) and are used as user names.
                o.User.AllowedUserNameCharacters = "";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ZhifaDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<ZhifaClaimsFactory>();
    }
}
