using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Domain.Records;
using Zhifa.Web;

namespace Zhifa.Records;

public sealed record RecordEntryView(long Sequence, string Kind, DateTimeOffset OccurredAt, string Actor, JsonElement Content,
    string PreviousHash, string Hash, bool Verified);

public sealed record RecordBreakView(long Sequence, string Code, string Message);

/// <summary>A case's full-process record: every entry in order, and whether the chain checks out up to its head.</summary>
public sealed record CaseRecordView(long CaseId, string CaseNumber, bool Verified, RecordBreakView? Break, IReadOnlyList<RecordEntryView> Entries);

/// <summary>An evidence file; <see cref="EvidenceItem"/> is the penalty case's evidence item it is attached to (1-based), if any.</summary>
public sealed record EvidenceView(long Id, string FileName, string ContentType, long Size, string Sha256, string Kind, string KindName,
    string? Description, DateTimeOffset RecordedAt, string RecordedBy, long RecordSequence, string ContentUrl, int? EvidenceItem = null);

/// <summary>A case as far as the record needs it: its id, number and agency (for scoping).</summary>
internal sealed record VisibleCase(long Id, string Number, long AgencyId);

/// <summary>Reads the record and evidence of a case the caller can see; another agency's case is 404 (api.md).</summary>
public sealed class RecordQueries(ZhifaDbContext db, CallerScope scope, IEvidenceStore store)
{
    internal async Task<Outcome<VisibleCase>> VisibleCaseAsync(long caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new VisibleCase(x.Id, x.Number, x.AgencyId)).FirstOrDefaultAsync(ct);
        return c is not null && scope.CanSee(c.AgencyId) ? c : AppError.NotFound("case.not_found", $"案件 {caseId} 不存在");
    }

    public async Task<Outcome<CaseRecordView>> RecordAsync(long caseId, CancellationToken ct = default)
    {
        var found = await VisibleCaseAsync(caseId, ct);
        if (!found.IsSuccess)
            return found.Error;
        // The head first, then the entries up to it: an append committing in between is simply not shown yet.
        var head = await db.RecordHeads.AsNoTracking().FirstOrDefaultAsync(h => h.ChainKey == caseId, ct);
        var entries = db.RecordEntries.AsNoTracking().Where(e => e.ChainKey == caseId);
        if (head is not null)
            entries = entries.Where(e => e.Sequence <= head.LastSequence);
        var stored = await entries.OrderBy(e => e.Sequence).ToListAsync(ct);

        var verifier = new ChainVerifier(caseId);
        stored.ForEach(e => verifier.Check(e));
        verifier.Finish(head);
        var views = stored.Select(e => new RecordEntryView(e.Sequence, e.Kind, e.OccurredAt, e.Actor, AsJson(e.Content), e.PreviousHash, e.Hash,
            e.Sequence <= verifier.Verified)).ToList();
        var broken = verifier.Break is { } b ? new RecordBreakView(b.Sequence, b.Code, b.Message) : null;
        return new CaseRecordView(caseId, found.Value.Number, verifier.IsIntact, broken, views);
    }

    public async Task<Outcome<PageOf<EvidenceView>>> EvidenceAsync(long caseId, Paging paging, CancellationToken ct = default)
    {
        var found = await VisibleCaseAsync(caseId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var q = db.EvidenceFiles.AsNoTracking().Where(f => f.CaseId == caseId);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<EvidenceView>(rows.Select(ToView).ToList(), total);
    }

    /// <summary>Every evidence file of a case the caller can see, in the order recorded (the case page lists them all).</summary>
    public async Task<Outcome<IReadOnlyList<EvidenceView>>> EvidenceOfCaseAsync(long caseId, CancellationToken ct = default)
    {
        var found = await VisibleCaseAsync(caseId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var rows = await db.EvidenceFiles.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.Id).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    /// <summary>
    /// The stored bytes of an evidence file, checked against their SHA-256 before a byte is sent: a file changed on
    /// disk is refused, never handed out as evidence.
    /// </summary>
    public async Task<Outcome<(EvidenceFile File, Stream Content)>> ContentAsync(long caseId, long evidenceId, CancellationToken ct = default)
    {
        var found = await VisibleCaseAsync(caseId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == evidenceId && f.CaseId == caseId, ct);
        if (file is null)
            return AppError.NotFound("evidence.not_found", $"证据文件 {evidenceId} 不存在");
        var stream = await store.OpenReadAsync(file.StorageKey, ct);
        if (stream is null)
            return AppError.Conflict("evidence.file_missing",
                $"证据文件\"{file.FileName}\"在证据存储中找不到,无法下载。请报告系统管理员,并运行 zhifa audit verify 核查");
        var (sha256, size) = await EvidenceHashing.Sha256Async(stream, ct);
        if (sha256 != file.Sha256 || size != file.Size)
        {
            await stream.DisposeAsync();
            return AppError.Conflict("evidence.file_changed",
                $"证据文件\"{file.FileName}\"已被改动,与登记的 SHA-256 不一致,拒绝下载。请报告系统管理员,并运行 zhifa audit verify 核查");
        }
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }
        else
        {
            await stream.DisposeAsync();
            stream = await store.OpenReadAsync(file.StorageKey, ct) ?? Stream.Null;
        }
        return (file, stream);
    }

    internal static EvidenceView ToView(EvidenceFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Kind.Code(), f.Kind.ToChinese(),
        f.Description, f.RecordedAt, f.RecordedBy, f.RecordSequence, $"/api/v1/cases/{f.CaseId}/evidence/{f.Id}/content", f.EvidenceItem);

    private static JsonElement AsJson(string content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Stored text that is no longer JSON (edited in the database) is shown as it is; the entry is not verified.
            return JsonSerializer.SerializeToElement(content);
        }
    }
}
