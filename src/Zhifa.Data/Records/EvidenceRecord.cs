using System.Data.Common;
using Dapper;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Records;

/// <summary>What an officer says about an uploaded file.</summary>
public sealed record EvidenceDetails(string FileName, string ContentType, EvidenceKind Kind, string? Description);

/// <summary>
/// Records a stored evidence file: the <c>evidence.added</c> entry that vouches for its name, size and SHA-256, and
/// the <c>evidence_files</c> row that points at it, both inside the caller's transaction.
/// </summary>
public static class EvidenceRecord
{
    public static async Task<Result<EvidenceFile>> AddAsync(DbConnection conn, DbTransaction tx, long caseId, StoredBlob blob,
        EvidenceDetails details, string actor, DateTimeOffset at, CancellationToken ct = default)
    {
        var content = EvidenceFile.RecordContent(details.FileName, details.ContentType, blob.Size, blob.Sha256, details.Kind, details.Description);
        var appended = await CaseRecord.AppendAsync(conn, tx, caseId, EvidenceFile.RecordKind, actor, content, at, ct);
        if (!appended.IsSuccess)
            return appended.Error;
        var entry = appended.Value;
        var file = new EvidenceFile(caseId, details.FileName, details.ContentType, blob.Size, blob.Sha256, blob.StorageKey,
            details.Kind, details.Description, entry.OccurredAt, actor, entry.Sequence);
        var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO evidence_files (case_id, file_name, content_type, size, sha256, storage_key, kind, description, recorded_at, recorded_by, record_sequence) " +
            "VALUES (@CaseId, @FileName, @ContentType, @Size, @Sha256, @StorageKey, @kind, @Description, @RecordedAt, @RecordedBy, @RecordSequence) RETURNING id",
            new
            {
                file.CaseId, file.FileName, file.ContentType, file.Size, file.Sha256, file.StorageKey, kind = file.Kind.ToString(),
                file.Description, file.RecordedAt, file.RecordedBy, file.RecordSequence,
            }, tx, cancellationToken: ct));
        file.AssignId(id);
        return file;
    }
}
