using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Inspections;
using Zhifa.Domain.Common;
using Zhifa.Domain.Inspections;
using Zhifa.Web;

namespace Zhifa.Inspections;

/// <summary><c>POST /api/v1/inspections/{id}/rectified</c>: the date the party completed the rectification and what was done.</summary>
public sealed record RectifiedRequest(DateOnly? Date, string? Note, int? Version = null);

/// <summary>
/// <c>POST /api/v1/inspections/{id}/refer</c>: the referral day (today when omitted) and the penalty power the case is
/// to be filed under (one of the agency's; needed when the agency has more than one).
/// </summary>
public sealed record ReferRequest(DateOnly? Date = null, int? Version = null, string? PowerCode = null);

public sealed partial class InspectionCommands
{
    /// <summary>整改完成: closes a 责令改正 inspection on the day the party rectified (late rectification is recorded as late).</summary>
    public async Task<Outcome<InspectionDetail>> RectifiedAsync(long id, RectifiedRequest r, CancellationToken ct = default)
    {
        var loaded = await LoadForChangeAsync(id, r.Version, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        if (r.Date is null)
            return AppError.Invalid("date", "request.invalid", "请填写整改完成日期（date，YYYY-MM-DD）");
        var stored = loaded.Value;
        var error = stored.Inspection.RecordRectification(clock, r.Date.Value, r.Note);
        if (error is not null)
            return InspectionFields.Rule(error, InspectionFields.FieldOf(error.Code, "date"));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        InspectionStore.WriteBack(stored);
        if (!await SaveAsync(ct))
            return Stale();
        var i = stored.Inspection;
        await AppendAsync(id, InspectionStore.RectifiedKind, scope.UserName!, clock.GetUtcNow(),
            new { rectifiedOn = i.RectifiedOn, note = i.RectificationNote, deadline = i.Facts.RectificationDeadline, late = i.RectifiedLate }, ct);
        await tx.CommitAsync(ct);
        return await queries.DetailAsync(id, ct);
    }

    /// <summary>
    /// 移交立案: marks the inspection referred, asks <see cref="IPenaltyCaseOpener"/> to open the penalty case in the same
    /// transaction, and returns the filing material. The default opener opens nothing (see <see cref="RecordOnlyPenaltyCaseOpener"/>).
    /// </summary>
    public async Task<Outcome<ReferralResult>> ReferAsync(long id, ReferRequest r, CancellationToken ct = default)
    {
        var loaded = await LoadForChangeAsync(id, r.Version, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var stored = loaded.Value;
        var on = r.Date ?? Inspection.Today(clock);
        var error = stored.Inspection.Refer(clock, scope.UserName!, on);
        if (error is not null)
            return InspectionFields.Rule(error, InspectionFields.FieldOf(error.Code, "date"));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = await queries.ReferralAsync(stored, on, ct) with { ChosenPowerCode = r.PowerCode?.Trim() };
        var opened = await opener.OpenAsync(referral, ct);
        if (!opened.IsSuccess)
            return AppError.Rule(opened.Error);
        if (opened.Value is { } penaltyCaseId)
        {
            if (stored.Inspection.LinkPenaltyCase(penaltyCaseId) is { } linkError)
                return AppError.Rule(linkError);
            referral = referral with { PenaltyCaseId = penaltyCaseId };
        }
        InspectionStore.WriteBack(stored);
        if (!await SaveAsync(ct))
            return Stale();
        await AppendAsync(id, InspectionStore.ReferredKind, scope.UserName!, clock.GetUtcNow(), new
        {
            referredOn = on,
            penaltyCaseId = referral.PenaltyCaseId,
            party = referral.Party.Name,
            facts = referral.Facts,
            powerSuggestions = referral.PowerSuggestions.Select(p => p.Code),
            officers = referral.Officers.Select(o => o.CertificateNumber),
        }, ct);
        await tx.CommitAsync(ct);
        var detail = await queries.DetailAsync(id, ct);
        return detail.IsSuccess ? new ReferralResult(detail.Value, referral) : detail.Error;
    }

    /// <summary>
    /// Links a referred inspection to the penalty case the agency head filed from its referral material later
    /// (/penalty-cases/new?inspection=…, ADR-010, ADR-013), inside the filing's transaction, and records it in the
    /// inspection's record (<c>inspection.case-filed</c>). Refused when the inspection is not referred or is linked to
    /// another case; linking it again to the same case (a repeated request) writes nothing.
    /// </summary>
    public async Task<Outcome<bool>> LinkFiledCaseAsync(long id, long penaltyCaseId, string caseNumber, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A filed case is linked inside the filing's transaction.");
        var loaded = await LoadForChangeAsync(id, null, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var stored = loaded.Value;
        if (stored.Inspection.PenaltyCaseId == penaltyCaseId)
            return false;
        if (stored.Inspection.LinkPenaltyCase(penaltyCaseId) is { } error)
            return InspectionFields.Rule(error, "inspectionId");
        InspectionStore.WriteBack(stored);
        if (!await SaveAsync(ct))
            return Stale();
        await AppendAsync(id, InspectionStore.CaseFiledKind, scope.UserName!, clock.GetUtcNow(), new { penaltyCaseId, number = caseNumber }, ct);
        return true;
    }

    /// <summary>The inspection, if the caller can see it (else 404) and may act on it (else 403), at the version the update is based on (else 409).</summary>
    private async Task<Outcome<StoredInspection>> LoadForChangeAsync(long id, int? version, CancellationToken ct)
    {
        if (await queries.AgencyOfAsync(id, ct) is not { } agencyId)
            return InspectionQueries.NotFound(id);
        if (!InspectionAccess.MayActOn(scope, agencyId))
            return InspectionAccess.Forbidden();
        var stored = await InspectionStore.LoadAsync(db, id, ct) ?? throw new InvalidOperationException($"Inspection {id} vanished while read.");
        if (version is { } v && v != stored.Row.Version)
            return Stale();
        return stored;
    }

    /// <summary>Saves the changed rows; false when someone else changed the inspection since it was read.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static AppError Stale() =>
        AppError.Conflict("inspection.stale_version", "该检查已被他人更新，请刷新后重试", "version");
}
