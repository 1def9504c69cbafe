using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Accounts;

public sealed record NewAccount(string UserName, string Role, string? AgencyCode, string Password, bool LinkedToOfficer);

public sealed record AccountView(string UserName, string Role, string RoleName, string? AgencyCode, string? AgencyName, bool LinkedToOfficer, bool LockedOut);

/// <summary>Creating accounts (<c>zhifa user add</c>, the 用户 page, the first administrator) and listing them.</summary>
public sealed class AccountCommands(UserManager<ZhifaUser> users, RoleManager<IdentityRole> roles, ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<NewAccount>> CreateAsync(string userName, string role, string? agencyCode, CancellationToken ct = default)
    {
        userName = userName.Trim();
        role = role.Trim();
        if (userName.Length == 0)
            return AppError.Invalid("userName", "account.user_name_required", "请填写用户名");
        if (!Roles.All.Contains(role))
            return AppError.Invalid("role", "account.unknown_role", $"角色\"{role}\"无效,应为 {string.Join("、", Roles.All)} 之一");
        long? agencyId = null;
        if (Roles.IsAgencyBound(role))
        {
            if (string.IsNullOrWhiteSpace(agencyCode))
                return AppError.Invalid("agency", "account.agency_required", $"角色 {role}({Roles.ToChinese(role)})必须指定所属机关(--agency 机关编码)");
            var code = agencyCode.Trim();
            agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
                return AppError.Invalid("agency", "account.unknown_agency", $"机关编码\"{code}\"不存在,请先导入该执法主体");
        }
        else if (!string.IsNullOrWhiteSpace(agencyCode))
            return AppError.Invalid("agency", "account.agency_not_allowed", $"角色 {role}({Roles.ToChinese(role)})管辖全区,不能指定所属机关");
        if (await users.FindByNameAsync(userName) is not null)
            return AppError.Conflict("account.duplicate_user_name", $"用户名\"{userName}\"已存在", "userName");

        // An officer or reviewer whose user name is a certificate number is that officer (cli.md).
        long? officerId = null;
        string? displayName = null;
        if (role is Roles.Officer or Roles.Reviewer)
        {
            var officer = await db.Officers.AsNoTracking().Where(o => o.CertificateNumber == userName)
                .Select(o => new { o.Id, o.AgencyId, o.Name }).FirstOrDefaultAsync(ct);
            if (officer is not null && officer.AgencyId != agencyId)
                return AppError.Invalid("agency", "account.officer_other_agency",
                    $"执法证号 {userName} 的执法人员不属于机关\"{agencyCode}\",请指定其所属机关");
            officerId = officer?.Id;
            displayName = officer?.Name;
        }

        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new IdentityRole(role));
        var password = Passwords.Generate();
        var user = new ZhifaUser { UserName = userName, AgencyId = agencyId, OfficerId = officerId, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return AppError.Invalid("userName", "account.rejected", string.Join(";", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
            return AppError.Invalid("role", "account.rejected", string.Join(";", added.Errors.Select(e => e.Description)));
        return new NewAccount(userName, role, agencyCode?.Trim(), password, officerId is not null);
    }

    /// <summary>
    /// The first start: when no account has the admin role, creates one (<c>admin</c>, or admin2… if that name is
    /// taken by someone else) and returns it with its password; null when an administrator exists.
    /// </summary>
    public async Task<NewAccount?> EnsureAdministratorAsync(CancellationToken ct = default)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return null;
        var name = "admin";
        for (var i = 2; await users.FindByNameAsync(name) is not null; i++)
            name = $"admin{i}";
        var created = await CreateAsync(name, Roles.Admin, null, ct);
        return created.IsSuccess ? created.Value : throw new InvalidOperationException(created.Error.Message);
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          join a in db.Agencies on u.AgencyId equals a.Id into ags
                          from a in ags.DefaultIfEmpty()
                          select new { u.UserName, Role = r == null ? null : r.Name, Code = a == null ? null : a.Code, AgencyName = a == null ? null : a.Name, u.OfficerId, u.LockoutEnd })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.OrderBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new AccountView(r.UserName ?? "", r.Role ?? "", Roles.ToChinese(r.Role ?? ""), r.Code, r.AgencyName,
                r.OfficerId is not null, r.LockoutEnd > now))
            .ToList();
    }
}
