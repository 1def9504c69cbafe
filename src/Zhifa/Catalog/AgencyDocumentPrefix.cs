using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Web;

namespace Zhifa.Catalog;

public sealed record DocumentPrefixRequest(string? Prefix);

/// <summary>The 机关代字 in force for an agency: the one set, or the derived default (<see cref="Derived"/>).</summary>
public sealed record DocumentPrefixView(string AgencyCode, string AgencyName, string Prefix, bool Derived, string Example);

/// <summary>
/// An agency's document prefix (文号的机关代字, 津东市监 in 津东市监罚〔2023〕12号). Unset, it is derived from the name
/// (<see cref="DocumentPrefixes"/>); the supervision office, an administrator or the agency's own administrator sets it.
/// Numbers already given keep the prefix they were given with.
/// </summary>
public sealed class AgencyDocumentPrefix(ZhifaDbContext db, CallerScope scope, CatalogQueries catalog, TimeProvider clock)
{
    public async Task<Outcome<DocumentPrefixView>> GetAsync(string code, CancellationToken ct = default)
    {
        var agency = await catalog.VisibleAgencyAsync(code, ct);
        return agency.IsSuccess ? View(agency.Value) : agency.Error;
    }

    public async Task<Outcome<DocumentPrefixView>> SetAsync(string code, DocumentPrefixRequest r, CancellationToken ct = default)
    {
        var visible = await catalog.VisibleAgencyAsync(code, ct);
        if (!visible.IsSuccess)
            return visible.Error;
        if (!(scope.Role is Roles.Admin or Roles.Supervisor || (scope.Role == Roles.AgencyAdmin && scope.AgencyId == visible.Value.Id)))
            return AppError.Forbidden("只有系统管理员、执法监督机构或本机关管理员可以设置文号的机关代字");
        var prefix = string.IsNullOrWhiteSpace(r.Prefix) ? null : r.Prefix.Trim();
        if (prefix is not null)
        {
            if (prefix.Length > 32)
                return AppError.Invalid("prefix", "document_number.prefix_invalid", "机关代字不能超过 32 个字符");
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                var check = DocumentNumber.Create(prefix, kind, 2000, 1);
                if (!check.IsSuccess)
                    return AppError.Invalid("prefix", check.Error.Code, check.Error.Message);
            }
        }
        var agency = await db.Agencies.FirstAsync(a => a.Id == visible.Value.Id, ct);
        agency.SetDocumentPrefix(prefix);
        await db.SaveChangesAsync(ct);
        return View(agency);
    }

    private DocumentPrefixView View(Domain.Catalog.Agency a)
    {
        var prefix = DocumentPrefixes.For(a);
        return new DocumentPrefixView(a.Code, a.Name, prefix, a.DocumentPrefix is null,
            DocumentNumber.Create(prefix, DocumentKind.PenaltyDecision, clock.GetLocalNow().Year, 1) is { IsSuccess: true } n ? n.Value.ToString() : "");
    }
}
