namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// The role names the workflow table uses. They are the platform's five roles (Zhifa.Data.Accounts.Roles,
/// ADR-002); the domain cannot reference the data layer, so the strings are repeated here and must stay
/// equal to those. The agency head approving filing, extensions, decisions and collective discussion
/// acts as <see cref="AgencyAdmin"/>.
/// </summary>
public static class PenaltyRoles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string AgencyAdmin = "agency-admin";
    public const string Officer = "officer";
    public const string Reviewer = "reviewer";

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Supervisor => "执法监督机构",
        AgencyAdmin => "执法机关管理员（机关负责人）",
        Officer => "执法人员",
        Reviewer => "法制审核人员",
        _ => role,
    };
}
