using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Data.Inspections;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.Inspections;
using Zhifa.Domain.Officers;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Records;
using Zhifa.Web;

namespace Zhifa.Inspections;

/// <summary>
/// <c>POST /api/v1/inspections</c> and the form of <c>/inspections/new</c>. The power and officers are named by their
/// codes (职权编码, 执法证号); party type and result by their Chinese names or enum names.
/// </summary>
public sealed record RecordInspectionRequest(string? PowerCode, IReadOnlyList<string?>? Officers, string? PartyType, string? PartyName,
    string? PartyIdNumber, string? PartyIdAbsentReason, DateOnly? InspectedOn, string? Location, string? Findings, string? Result,
    DateOnly? RectificationDeadline);

/// <summary>The recorded inspection; <paramref name="Replayed"/> when an earlier request with the same key recorded it.</summary>
public sealed record RecordedInspection(InspectionDetail Inspection, bool Replayed);

/// <summary>
/// Records inspections and their follow-up. Each write is one transaction: the case row, its officers, the detail row,
/// the Idempotency-Key and the full-process record entry exist together or not at all.
/// </summary>
public sealed partial class InspectionCommands(ZhifaDbContext db, CallerScope scope, InspectionQueries queries, IPenaltyCaseOpener opener,
    TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<Outcome<RecordedInspection>> RecordAsync(RecordInspectionRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        if (!InspectionAccess.MayRecord(scope))
            return InspectionAccess.Forbidden();
        var (user, agencyId) = (scope.UserName!, scope.AgencyId!.Value);
        var errors = new Dictionary<string, string[]>();
        var key = idempotencyKey?.Trim();
        if (key is not null && (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')))
            errors["Idempotency-Key"] = [$"Idempotency-Key 应为 1 到 {MaxKeyLength} 个可见 ASCII 字符（如 UUID）"];
        if (string.IsNullOrWhiteSpace(r.PowerCode))
            errors["powerCode"] = ["请选择行政检查职权（powerCode，职权编码）"];
        if (!InspectionText.TryParseParty(r.PartyType, out var partyType))
            errors["partyType"] = ["当事人类型应为：自然人、法人、其他组织"];
        if (r.InspectedOn is null)
            errors["inspectedOn"] = ["请填写检查日期（YYYY-MM-DD）"];
        if (!InspectionNames.TryParseResult(r.Result, out var result))
            errors["result"] = [$"检查结果应为：{InspectionNames.AllResults}"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.From(r))));
        if (key is not null && await ReplayAsync(user, key, hash, ct) is { } earlier)
            return earlier;

        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        var powerCode = r.PowerCode!.Trim();
        var power = await db.Powers.AsNoTracking().FirstOrDefaultAsync(p => p.Code == powerCode && p.AgencyId == agencyId, ct);
        if (power is null)
            return InspectionFields.Rule(InspectionRules.PowerNotOfTheAgency(powerCode));
        var numbers = (r.Officers ?? []).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct().ToList();
        var officers = (await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId && numbers.Contains(o.CertificateNumber)).ToListAsync(ct))
            .OrderBy(o => o.CertificateNumber, StringComparer.Ordinal).ToList();
        if (numbers.FirstOrDefault(n => officers.All(o => o.CertificateNumber != n)) is { } stranger)
            return InspectionFields.Rule(InspectionRules.OfficerNotOfTheAgency(stranger));

        var input = new InspectionInput(agencyId, r.InspectedOn!.Value, partyType, r.PartyName, r.PartyIdNumber, r.PartyIdAbsentReason,
            r.Location, r.Findings, result, r.RectificationDeadline);
        var recorded = Inspection.Record(clock, user, input, power, officers.Select(OfficerFacts.From).ToList());
        if (!recorded.IsSuccess)
            return InspectionFields.Rule(recorded.Error);

        var id = await WriteAsync(recorded.Value, agency, power, officers, key, hash, ct);
        if (id is null)
            return await ReplayAsync(user, key!, hash, ct) ?? throw new InvalidOperationException("An Idempotency-Key clashed but its request is not stored.");
        var detail = await queries.DetailAsync(id.Value, ct);
        return detail.IsSuccess ? new RecordedInspection(detail.Value, false) : detail.Error;
    }

    /// <summary>The inspection an earlier request with this key recorded, a 422 if the key came with another request, or null.</summary>
    private async Task<Outcome<RecordedInspection>?> ReplayAsync(string user, string key, string hash, CancellationToken ct)
    {
        var earlier = await db.InspectionRequests.AsNoTracking().FirstOrDefaultAsync(x => x.UserName == user && x.IdempotencyKey == key, ct);
        if (earlier is null)
            return null;
        // draft-ietf-httpapi-idempotency-key-header: a key reused with a different request is refused with 422.
        if (earlier.RequestHash != hash)
            return InspectionFields.Rule(new DomainError("inspection.idempotency_key_reused",
                "该 Idempotency-Key 已用于记录另一次检查；每次新的检查请使用新的 Idempotency-Key"), "Idempotency-Key");
        var detail = await queries.DetailAsync(earlier.CaseId, ct);
        return detail.IsSuccess ? new RecordedInspection(detail.Value, true) : detail.Error;
    }

    /// <summary>Writes the inspection; null when a concurrent request with the same key committed first (nothing is written).</summary>
    private async Task<long?> WriteAsync(Inspection inspection, Agency agency, Power power, List<Officer> officers, string? key, string hash,
        CancellationToken ct)
    {
        var f = inspection.Facts;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await InspectionNumbers.NextAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), agency.Id, agency.Code,
            f.InspectedOn.Year, ct);
        var row = InspectionStore.NewCase(inspection, number);
        db.Cases.Add(row);
        await db.SaveChangesAsync(ct);
        db.CaseOfficers.AddRange(f.Officers.Select(o => new CaseOfficer(row.Id, o.OfficerId, f.InspectedOn)));
        db.Inspections.Add(InspectionStore.NewRow(inspection, row.Id));
        if (key is not null)
            db.InspectionRequests.Add(new InspectionRequestRow { UserName = f.CreatedBy, IdempotencyKey = key, CaseId = row.Id, RequestHash = hash, CreatedAt = f.CreatedAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (key is not null && IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }
        await AppendAsync(row.Id, InspectionStore.RecordedKind, f.CreatedBy, f.CreatedAt, new
        {
            number,
            agency = agency.Code,
            power = power.Code,
            powerName = power.Name,
            inspectedOn = f.InspectedOn,
            location = f.Location,
            party = new { type = f.Party.Type.ToChinese(), name = f.Party.Name, idNumber = f.Party.IdNumber, idAbsentReason = f.Party.IdAbsentReason },
            officers = officers.Select(o => new { certificateNumber = o.CertificateNumber, name = o.Name }),
            findings = f.Findings,
            result = f.Result.ToChinese(),
            rectificationDeadline = f.RectificationDeadline,
        }, ct);
        await tx.CommitAsync(ct);
        return row.Id;
    }

    /// <summary>Appends an entry to the inspection's full-process record inside the current transaction.</summary>
    private async Task AppendAsync(long caseId, string kind, string actor, DateTimeOffset at, object content, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Record entries are appended inside a transaction.");
        var appended = await CaseRecord.AppendAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), caseId, kind, actor,
            CanonicalJson.From(content), at, ct);
        if (!appended.IsSuccess)
            throw new InvalidOperationException($"The {kind} entry was refused: {appended.Error.Code} {appended.Error.Message}");
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
            or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}

/// <summary>Which field of the request a broken rule concerns, so that the API's <c>errors</c> and the form can name it.</summary>
internal static class InspectionFields
{
    public static AppError Rule(DomainError e, string? field = null) => AppError.Rule(e) with { Field = field ?? FieldOf(e.Code) };

    public static string? FieldOf(string code, string dateField = "inspectedOn") => code switch
    {
        "inspection.power_other_agency" or "inspection.power_not_inspection" or "inspection.power_not_valid" => "powerCode",
        "inspection.officers_too_few" or "inspection.officer_other_agency" or "inspection.officer_certificate_invalid" => "officers",
        "inspection.party_name_required" or "inspection.party_name_too_long" => "partyName",
        "inspection.party_id_required" or "inspection.party_code_required" or "inspection.party_id_invalid" => "partyIdNumber",
        "inspection.party_id_reason_too_long" => "partyIdAbsentReason",
        "inspection.date_in_future" or "inspection.date_before_inspection" => dateField,
        "inspection.findings_required" or "inspection.findings_too_long" => "findings",
        "inspection.location_too_long" => "location",
        "inspection.deadline_required" or "inspection.deadline_not_after_inspection" or "inspection.deadline_not_allowed" => "rectificationDeadline",
        "inspection.note_required" or "inspection.note_too_long" => "note",
        _ => null,
    };
}
