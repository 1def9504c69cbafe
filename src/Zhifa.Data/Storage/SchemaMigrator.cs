using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Zhifa.Data.Storage;

/// <summary>One versioned schema script of one provider (Migrations/&lt;Provider&gt;/V###__name.sql).</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);

/// <summary>
/// Applies the versioned SQL scripts of the provider that are not yet applied, each in its own transaction,
/// recording them in <c>schema_migrations</c>. Scripts only ever add or transform; they never drop data (ADR-001).
/// </summary>
public sealed partial class SchemaMigrator(DatabaseTarget target)
{
    private const long PostgresLockKey = 0x5A48_4946_4131; // "ZHIFA1": one migrator at a time per database

    [GeneratedRegex(@"\.V(\d{3})__([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    public static IReadOnlyList<SchemaScript> Scripts(DatabaseProvider provider)
    {
        var asm = typeof(SchemaMigrator).Assembly;
        var prefix = $"Zhifa.Data.Migrations.{provider}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var m = ScriptName().Match(n);
                if (!m.Success)
                    throw new InvalidOperationException($"Badly named schema script {n}");
                return new SchemaScript(int.Parse(m.Groups[1].Value), m.Groups[2].Value, Read(asm, n));
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public int LatestVersion => Scripts(target.Provider)[^1].Version;

    /// <summary>Applies pending scripts up to <paramref name="upTo"/> (all when null); returns how many were applied.</summary>
    public async Task<int> MigrateAsync(int? upTo = null, CancellationToken ct = default)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
            if (!string.IsNullOrEmpty(dir))
                Directory.CreateDirectory(dir);
        }

        await using var conn = await target.OpenConnectionAsync(ct);
        Publicity.PublishedDecisions.RegisterFunctions(conn); // V008 fills the search table with it on SQLite
        if (conn is NpgsqlConnection)
            await conn.ExecuteAsync($"SELECT pg_advisory_lock({PostgresLockKey})");
        try
        {
            await conn.ExecuteAsync(target.Provider == DatabaseProvider.Sqlite
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
            var applied = (await conn.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            var count = 0;
            foreach (var script in Scripts(target.Provider))
            {
                if (applied.Contains(script.Version) || (upTo is not null && script.Version > upTo))
                    continue;
                await ApplyAsync(conn, script, ct);
                count++;
            }
            return count;
        }
        finally
        {
            if (conn is NpgsqlConnection)
                await conn.ExecuteAsync($"SELECT pg_advisory_unlock({PostgresLockKey})");
        }
    }

    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken ct = default)
    {
        await using var conn = await target.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
    }

    private static async Task ApplyAsync(DbConnection conn, SchemaScript script, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = script.Sql;
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await conn.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)",
            new { v = script.Version, n = script.Name, a = DateTimeOffset.UtcNow }, tx);
        await tx.CommitAsync(ct);
    }
}
