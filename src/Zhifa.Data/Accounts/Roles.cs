namespace Zhifa.Data.Accounts;

/// <summary>The five roles of cli.md; the names are part of the public contract.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string AgencyAdmin = "agency-admin";
    public const string Officer = "officer";
    public const string Reviewer = "reviewer";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, AgencyAdmin, Officer, Reviewer];

    /// <summary>Roles whose whole view is one agency.</summary>
    public static bool IsAgencyBound(string role) => role is AgencyAdmin or Officer or Reviewer;

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Supervisor => "执法监督机构",
        AgencyAdmin => "执法机关管理员",
        Officer => "执法人员",
        Reviewer => "法制审核人员",
        _ => role,
    };
}
