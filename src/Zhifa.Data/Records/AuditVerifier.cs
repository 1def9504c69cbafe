using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Zhifa.Data.Storage;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Records;

/// <summary>The first thing found wrong: the chain (a case, or 0 for imports), the entry, a stable code and why.</summary>
public sealed record AuditFinding(long ChainKey, string? CaseNumber, long Sequence, string Code, string Message, long? EvidenceId = null);

public sealed record AuditReport(long Entries, long Chains, long EvidenceFiles, AuditFinding? Finding)
{
    public bool IsIntact => Finding is null;
}

/// <summary>
/// <c>zhifa audit verify</c>: walks every chain of the full-process record in (chain, sequence) order with one
/// streaming reader, holding one chain's last hash at a time, so millions of entries take constant memory; checks each
/// chain ends at its head; then checks every evidence file row against the entry that vouches for it and the stored
/// bytes against their SHA-256. Reads one snapshot (a repeatable-read transaction), so appends running meanwhile are
/// not mistaken for a broken head. Stops at the first finding.
/// </summary>
public sealed class AuditVerifier(DatabaseTarget target, IEvidenceStore store)
{
    private const string EntriesSql =
        "SELECT e.chain_key, e.sequence, e.kind, e.occurred_at, e.actor, e.content, e.previous_hash, e.hash, h.last_sequence, h.last_hash " +
        "FROM record_entries e LEFT JOIN record_heads h ON h.chain_key = e.chain_key ORDER BY e.chain_key, e.sequence";

    private const string EmptiedChainSql =
        "SELECT h.chain_key, h.last_sequence, h.last_hash FROM record_heads h WHERE h.last_sequence > 0 " +
        "AND NOT EXISTS (SELECT 1 FROM record_entries e WHERE e.chain_key = h.chain_key) ORDER BY h.chain_key LIMIT 1";

    private const string EvidenceSql =
        "SELECT f.id, f.case_id, f.file_name, f.size, f.sha256, f.storage_key, f.record_sequence, e.kind, e.content " +
        "FROM evidence_files f LEFT JOIN record_entries e ON e.chain_key = f.case_id AND e.sequence = f.record_sequence ORDER BY f.id";

    public async Task<AuditReport> VerifyAsync(CancellationToken ct = default)
    {
        await using var conn = await target.OpenConnectionAsync(ct);
        // A snapshot without blocking writers: repeatable read on PostgreSQL, a deferred (read) transaction on SQLite.
        await using DbTransaction tx = conn is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        var emptied = await conn.QueryFirstOrDefaultAsync<(long ChainKey, long LastSequence, string LastHash)?>(
            new CommandDefinition(EmptiedChainSql, transaction: tx, cancellationToken: ct));
        var (entries, chains, found) = await VerifyChainsAsync(conn, tx, emptied?.ChainKey ?? long.MaxValue, ct);
        if (found is null && emptied is { } e)
        {
            found = new ChainVerifier(e.ChainKey).Finish(new RecordHead(e.ChainKey, e.LastSequence, e.LastHash));
            chains++;
        }
        long evidence = 0;
        AuditFinding? finding = null;
        if (found is not null)
            finding = new AuditFinding(found.ChainKey, null, found.Sequence, found.Code, found.Message);
        else
            (evidence, finding) = await VerifyEvidenceAsync(conn, tx, ct);

        if (finding is not null && finding.ChainKey != RecordChain.SystemChain)
            finding = finding with
            {
                CaseNumber = await conn.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
                    "SELECT number FROM cases WHERE id = @id", new { id = finding.ChainKey }, tx, cancellationToken: ct)),
            };
        await tx.CommitAsync(ct);
        return new AuditReport(entries, chains, evidence, finding);
    }

    /// <summary>Every chain in key order; stops at the first break, or before <paramref name="stopBefore"/> (an emptied chain).</summary>
    private static async Task<(long Entries, long Chains, RecordBreak? Break)> VerifyChainsAsync(DbConnection conn, DbTransaction tx,
        long stopBefore, CancellationToken ct)
    {
        long entries = 0, chains = 0;
        ChainVerifier? chain = null;
        RecordHead? head = null;
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = EntriesSql;
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var entry = RecordEntry.Stored(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            if (chain is null || chain.ChainKey != entry.ChainKey)
            {
                if (chain?.Finish(head) is { } tail)
                    return (entries, chains, tail);
                if (entry.ChainKey > stopBefore)
                    return (entries, chains, null);
                chain = new ChainVerifier(entry.ChainKey);
                chains++;
                head = await reader.IsDBNullAsync(8, ct) ? null : new RecordHead(entry.ChainKey, reader.GetInt64(8), reader.GetString(9));
            }
            if (chain.Check(entry) is { } broken)
                return (entries, chains, broken);
            entries++;
        }
        return (entries, chains, chain?.Finish(head));
    }

    private async Task<(long Files, AuditFinding? Finding)> VerifyEvidenceAsync(DbConnection conn, DbTransaction tx, CancellationToken ct)
    {
        long files = 0;
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = EvidenceSql;
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (id, caseId, name, size, sha256, key, sequence) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6));
            var kind = await reader.IsDBNullAsync(7, ct) ? null : reader.GetString(7);
            var content = await reader.IsDBNullAsync(8, ct) ? null : reader.GetString(8);
            var what = $"证据文件 #{id}\"{name}\"(第 {sequence} 条记录)";
            AuditFinding Finding(string code, string why) => new(caseId, null, sequence, code, $"{what}{why}", id);

            if (kind is null || content is null)
                return (files, Finding("evidence.entry_missing", "没有对应的全过程记录:证据登记是绕过平台写入的"));
            if (kind != EvidenceFile.RecordKind || !EvidenceFile.IsDescribedBy(content, name, size, sha256))
                return (files, Finding("evidence.entry_mismatch", "的文件名、大小或 SHA-256 与全过程记录不符:证据登记被修改"));
            await using var stream = await store.OpenReadAsync(key, ct);
            if (stream is null)
                return (files, Finding("evidence.file_missing", "在证据存储中找不到:文件被删除或移走"));
            var (actual, actualSize) = await EvidenceHashing.Sha256Async(stream, ct);
            if (actual != sha256 || actualSize != size)
                return (files, Finding("evidence.file_changed",
                    $"已被改动:SHA-256 应为 {sha256}({size} 字节),实际为 {actual}({actualSize} 字节)"));
            files++;
        }
        return (files, null);
    }
}
