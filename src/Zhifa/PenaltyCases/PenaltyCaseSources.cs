using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Inspections;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>Where a penalty case came from: the inspection whose 移交立案 it was filed from (ADR-010, ADR-013).</summary>
public static class PenaltyCaseSources
{
    /// <summary>The inspection linked to the case (<c>inspections.penalty_case_id</c>, unique since V010), if any.</summary>
    public static async Task<SourceInspectionView?> InspectionAsync(ZhifaDbContext db, long caseId, CancellationToken ct = default)
    {
        var found = await (from i in db.Inspections.AsNoTracking()
                           join c in db.Cases.AsNoTracking() on i.CaseId equals c.Id
                           where i.PenaltyCaseId == caseId
                           select new { c.Id, c.Number, c.FiledOn }).FirstOrDefaultAsync(ct);
        return found is null ? null : new SourceInspectionView(found.Id, found.Number, found.FiledOn, $"/api/v1/inspections/{found.Id}");
    }
}

/// <summary>
/// 立案 (agency head) through the API and the 立案 page. With <see cref="FileCaseRequest.InspectionId"/> the case is filed
/// from a referred inspection whose referral filed nothing yet (an officer referred it, ADR-010): the case is filed and the
/// inspection linked to it in one transaction, so that both or neither are written; a refusal of either rolls both back.
/// </summary>
public sealed class PenaltyCaseFiling(ZhifaDbContext db, PenaltyCaseService cases, InspectionCommands inspections)
{
    public async Task<Outcome<PenaltyCaseView>> FileAsync(FileCaseRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        if (r.InspectionId is not { } inspectionId)
            return await cases.FileAsync(r, idempotencyKey, ct);

        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var filed = await cases.FileAsync(r, idempotencyKey, ct);
        if (!filed.IsSuccess)
            return filed.Error;
        var linked = await inspections.LinkFiledCaseAsync(inspectionId, filed.Value.Id, filed.Value.Number, ct);
        if (!linked.IsSuccess)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return linked.Error;
        }
        await tx.CommitAsync(ct);
        return filed.Value with { SourceInspection = await PenaltyCaseSources.InspectionAsync(db, filed.Value.Id, ct) };
    }
}
