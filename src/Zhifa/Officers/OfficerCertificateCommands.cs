using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Storage;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;
using Zhifa.Domain.Officers;
using Zhifa.Web;

namespace Zhifa.Officers;

public sealed record CertificateChangeRequest(DateOnly? Date, string? Reason);

public sealed record IssueCertificateRequest(
    string? CertificateNumber, string? Name, string? AgencyCode, DateOnly? IssuedOn, bool IsLegalReviewer = false, string? ResidentId = null);

/// <summary>
/// Issue (发证), suspend (暂扣), reinstate (恢复) and revoke (注销) a certificate. Each change updates the officer
/// and appends a <see cref="CertificateEvent"/> in the same SaveChanges, so state and history never disagree.
/// Allowed for admin, supervisor and the administrator of the officer's own agency.
/// </summary>
public sealed class OfficerCertificateCommands(ZhifaDbContext db, CallerScope scope, CatalogQueries catalog, OfficerQueries queries, TimeProvider clock)
{
    public Task<Outcome<OfficerDetail>> RevokeAsync(string number, CertificateChangeRequest r, CancellationToken ct = default) =>
        ChangeAsync(number, r, requireReason: true, CertificateEventKind.Revoked, (o, d) => o.Revoke(d, r.Reason ?? ""), ct);

    public Task<Outcome<OfficerDetail>> SuspendAsync(string number, CertificateChangeRequest r, CancellationToken ct = default) =>
        ChangeAsync(number, r, requireReason: true, CertificateEventKind.Suspended, (o, d) => o.Suspend(d, r.Reason ?? ""), ct);

    public Task<Outcome<OfficerDetail>> ReinstateAsync(string number, CertificateChangeRequest r, CancellationToken ct = default) =>
        ChangeAsync(number, r, requireReason: false, CertificateEventKind.Reinstated, (o, d) => o.Reinstate(d), ct);

    private async Task<Outcome<OfficerDetail>> ChangeAsync(string number, CertificateChangeRequest r, bool requireReason,
        CertificateEventKind kind, Func<Officer, DateOnly, DomainError?> change, CancellationToken ct)
    {
        var officer = await scope.Officers(db).FirstOrDefaultAsync(o => o.CertificateNumber == number, ct);
        if (officer is null)
            return OfficerQueries.NotFound(number);
        if (!scope.CanManageCertificates(officer.AgencyId))
            return AppError.Forbidden("只有系统管理员、执法监督机构或本机关管理员可以变更执法证状态");
        var errors = new Dictionary<string, string[]>();
        if (r.Date is null)
            errors["date"] = ["请填写日期(YYYY-MM-DD)"];
        if (requireReason && string.IsNullOrWhiteSpace(r.Reason))
            errors["reason"] = ["请填写原因"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);
        var error = change(officer, r.Date!.Value);
        if (error is not null)
            return AppError.Rule(error);
        db.CertificateEvents.Add(new CertificateEvent(officer.Id, kind, r.Date.Value, r.Reason?.Trim(), clock.GetUtcNow(), scope.UserName));
        await db.SaveChangesAsync(ct);
        return await queries.DetailAsync(number, ct);
    }

    public async Task<Outcome<OfficerDetail>> IssueAsync(IssueCertificateRequest r, CancellationToken ct = default)
    {
        // Order: malformed input (400), an agency the caller cannot see (404, never revealed), then the role (403).
        var errors = new Dictionary<string, string[]>();
        var number = r.CertificateNumber?.Trim() ?? "";
        var name = r.Name?.Trim() ?? "";
        if (number.Length == 0)
            errors["certificateNumber"] = ["请填写执法证号"];
        else if (number.Length > 64)
            errors["certificateNumber"] = ["执法证号不能超过 64 个字符"];
        if (name.Length == 0)
            errors["name"] = ["请填写姓名"];
        else if (name.Length > 100)
            errors["name"] = ["姓名不能超过 100 个字符"];
        if (string.IsNullOrWhiteSpace(r.AgencyCode))
            errors["agencyCode"] = ["请填写所属机关编码"];
        if (r.IssuedOn is null)
            errors["issuedOn"] = ["请填写发证日期(YYYY-MM-DD)"];
        string? residentId = null;
        if (!string.IsNullOrWhiteSpace(r.ResidentId))
        {
            var id = ResidentId.Create(r.ResidentId);
            if (id.IsSuccess)
                residentId = id.Value.Value;
            else
                errors["residentId"] = [id.Error.Message];
        }
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var agency = await catalog.VisibleAgencyAsync(r.AgencyCode!.Trim(), ct);
        if (!agency.IsSuccess)
            return agency.Error;
        if (!scope.CanManageCertificates(agency.Value.Id))
            return AppError.Forbidden("只有系统管理员、执法监督机构或本机关管理员可以发放执法证");
        if (await db.Officers.AnyAsync(o => o.CertificateNumber == number, ct))
            return AppError.Conflict("officer.duplicate_number", $"执法证号\"{number}\"已存在", "certificateNumber");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var officer = new Officer(number, name, agency.Value.Id, r.IssuedOn!.Value, r.IsLegalReviewer, residentId);
        db.Officers.Add(officer);
        await db.SaveChangesAsync(ct);
        db.CertificateEvents.Add(new CertificateEvent(officer.Id, CertificateEventKind.Issued, r.IssuedOn.Value, null, clock.GetUtcNow(), scope.UserName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await queries.DetailAsync(number, ct);
    }
}
