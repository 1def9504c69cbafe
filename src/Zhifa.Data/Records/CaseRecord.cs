using System.Data.Common;
using Dapper;
using Npgsql;
using Zhifa.Data.Import;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Records;

/// <summary>An imported batch, as the import entry of the system chain records it.</summary>
/// <param name="Hashes">
/// the SHA-256 and size of files whose hashing the importer has already started — it starts each once it has read the
/// file, so hashing a large case file overlaps the end of the load instead of following it; any other file is hashed
/// when the entry is written
/// </param>
public sealed record ImportBatch(string Folder, IReadOnlyList<ImportFileSummary> Files, string Actor, DateTimeOffset ImportedAt,
    IReadOnlyDictionary<string, Task<(string Sha256, long Size)>>? Hashes = null);

/// <summary>
/// Appends to the full-process record (ADR-006) inside the caller's transaction, so an entry is written exactly when
/// the step it records is. The chain's head row is taken first and updated last: on PostgreSQL the row lock
/// (<c>FOR UPDATE</c>) makes concurrent appends to one chain wait for each other; on SQLite the first statement is a
/// write, which takes the database's single write lock before anything is read. Either way two appends can never
/// read the same head, and the primary key (chain, sequence) refuses a duplicate place should anything else try.
/// </summary>
public static class CaseRecord
{
    public const string ImportKind = "import";

    /// <summary>Appends one entry to the chain <paramref name="chainKey"/> (a case id) and moves its head.</summary>
    public static async Task<Result<RecordEntry>> AppendAsync(DbConnection conn, DbTransaction tx, long chainKey, string kind,
        string actor, string contentJson, DateTimeOffset occurredAt, CancellationToken ct = default)
    {
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO record_heads (chain_key, last_sequence, last_hash) VALUES (@chainKey, 0, @genesis) ON CONFLICT (chain_key) DO NOTHING",
            new { chainKey, genesis = RecordChain.GenesisHash }, tx, cancellationToken: ct));
        var lockRow = conn is NpgsqlConnection ? " FOR UPDATE" : "";
        var (lastSequence, lastHash) = await conn.QuerySingleAsync<(long, string)>(new CommandDefinition(
            "SELECT last_sequence, last_hash FROM record_heads WHERE chain_key = @chainKey" + lockRow, new { chainKey }, tx, cancellationToken: ct));

        var created = RecordEntry.Create(new RecordHead(chainKey, lastSequence, lastHash), kind, occurredAt, actor, contentJson);
        if (!created.IsSuccess)
            return created;
        var e = created.Value;
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO record_entries (chain_key, sequence, kind, occurred_at, actor, content, previous_hash, hash) " +
            "VALUES (@ChainKey, @Sequence, @Kind, @OccurredAt, @Actor, @Content, @PreviousHash, @Hash)", e, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE record_heads SET last_sequence = @Sequence, last_hash = @Hash WHERE chain_key = @ChainKey", e, tx, cancellationToken: ct));
        return e;
    }

    /// <summary>
    /// The one <c>import</c> entry of an imported batch, in the system chain (0): each file's name, SHA-256, size and
    /// row counts. One entry per batch, not per case: see ADR-006.
    /// </summary>
    public static async Task<RecordEntry> AppendImportAsync(DbConnection conn, DbTransaction tx, ImportBatch batch, CancellationToken ct = default)
    {
        var files = new List<object>();
        foreach (var f in batch.Files)
        {
            var path = Path.Combine(batch.Folder, f.File);
            (string Sha256, long Size)? hashed = batch.Hashes?.GetValueOrDefault(f.File) is { } started ? await started
                : File.Exists(path) ? await EvidenceHashing.Sha256Async(path, ct) : null;
            files.Add(FileContent(f, hashed));
        }
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(batch.Folder)));
        var content = ImportContent(folder, files);
        var appended = await AppendAsync(conn, tx, RecordChain.SystemChain, ImportKind, batch.Actor, content, batch.ImportedAt, ct);
        return appended.IsSuccess
            ? appended.Value
            : throw new InvalidOperationException($"The import entry was refused: {appended.Error.Code} {appended.Error.Message}");
    }

    /// <summary>
    /// Runs the import entry's serialisation and hashing once on a sample, so their first-use costs (the serializer's
    /// metadata for these shapes, JIT) are paid on another thread while the import's connection is busy rather than
    /// after the load: about 0.05 s of the client's time (docs/performance.md).
    /// </summary>
    public static void Prepare()
    {
        var content = ImportContent("", [FileContent(new ImportFileSummary("", 0, 0), ("", 0))]);
        _ = RecordEntry.Create(new RecordHead(RecordChain.SystemChain, 0, RecordChain.GenesisHash), ImportKind, DateTimeOffset.UnixEpoch, "", content);
    }

    private static object FileContent(ImportFileSummary f, (string Sha256, long Size)? hashed) => new
    {
        file = f.File, sha256 = hashed?.Sha256, bytes = hashed?.Size, inserted = f.Inserted, updated = f.Updated, rows = f.Inserted + f.Updated,
    };

    private static string ImportContent(string folder, List<object> files) => CanonicalJson.From(new { folder, files });
}
