using Dapper;
using Npgsql;

namespace Zhifa.Data.Storage;

/// <summary>
/// PostgreSQL foreign keys a bulk import re-added <c>NOT VALID</c> (ADR-014, <see cref="Import.BulkLoadSchema"/>):
/// they already check new rows; <see cref="ValidateAsync"/> has the server confirm the rows loaded before, one
/// constraint at a time. <c>VALIDATE CONSTRAINT</c> takes a lock that lets reads and writes of the table go on.
/// A row that fails is reported by name — it would mean a row written around the importer's checks.
/// </summary>
public static class PendingForeignKeys
{
    public static async Task<IReadOnlyList<string>> ListAsync(NpgsqlConnection conn, CancellationToken ct = default) =>
        (await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT conrelid::regclass::text || '.' || conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1",
            cancellationToken: ct))).ToList();

    /// <summary>Validates every pending foreign key; returns how many. Nothing to do on SQLite.</summary>
    public static async Task<int> ValidateAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        if (target.Provider != DatabaseProvider.Postgres)
            return 0;
        await using var conn = (NpgsqlConnection)await target.OpenConnectionAsync(ct);
        var pending = await ListAsync(conn, ct);
        foreach (var constraint in pending)
        {
            var dot = constraint.IndexOf('.');
            await conn.ExecuteAsync(new CommandDefinition(
                $"ALTER TABLE {constraint[..dot]} VALIDATE CONSTRAINT \"{constraint[(dot + 1)..]}\"", commandTimeout: 0, cancellationToken: ct));
        }
        return pending.Count;
    }
}
