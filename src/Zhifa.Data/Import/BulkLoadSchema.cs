using System.Data.Common;
using Dapper;
using Npgsql;

namespace Zhifa.Data.Import;

/// <summary>
/// For a large import, the secondary indexes of the case tables (and of the public search's table, filled with them,
/// ADR-011, ADR-026) are dropped inside the import's transaction and rebuilt from their own
/// definitions at the end: one sorted build is several times cheaper than millions of
/// random index inserts. The unique index on the case number stays, it finds duplicates. DDL is transactional on
/// both engines, so a refused import rolls the indexes and constraints back with everything else. The triggers that
/// keep the monthly summaries (V014, ADR-019) are dropped and re-added the same way; the importer adds what it loaded
/// to the summaries itself (<see cref="Statistics.MonthlySummaries.BulkCounts"/>).
/// <para>
/// On PostgreSQL the foreign keys of the case tables are dropped the same way instead of firing a trigger per row,
/// and added back at the end <c>NOT VALID</c> (ADR-014): from then on they check every new row and every delete of a
/// parent as before, but the server does not re-read the rows just loaded. Those rows were checked by the importer
/// itself — every agency, power and officer id comes from the catalogue read in this transaction, every case id was
/// handed out by this import — and the parent tables are locked against writers from before the catalogue is read
/// to the commit (<see cref="LockParentsAsync"/>), so no parent can vanish in between. The foreign keys of other
/// tables that point at <c>cases</c> (penalty cases, inspections, evidence files …) go and come back the same way,
/// because the direct writer rebuilds the primary key of <c>cases</c> after the load
/// (<see cref="PostgresDirectCaseWriter"/>); their rows are not touched by the import, and cases are never deleted.
/// <see cref="Storage.PendingForeignKeys"/> has the server confirm them later (<c>VALIDATE CONSTRAINT</c>, which
/// blocks no reader or writer), as a second opinion off the import's critical path; at 600,000 cases that re-check
/// is about 0.7 s of the server's time.
/// </para>
/// </summary>
internal sealed class BulkLoadSchema
{
    private const string Tables = "('cases', 'case_officers', 'published_decisions')";

    /// <summary>
    /// PostgreSQL, before the import's own ANALYZE of the tables it loaded: a sample of 3,000 rows instead of 30,000.
    /// Those statistics only have to carry the plans from the commit until autovacuum analyzes the tables whole, which
    /// it does within its next round because the import's ANALYZE names its columns and so leaves each table's count
    /// of changed rows as it was. At 600,000 cases the sample of 3,000 takes 0.03 s instead of 0.23 s
    /// (docs/performance.md).
    /// </summary>
    public const string FirstStatistics = "SET LOCAL default_statistics_target = 10";
    private readonly List<(string Table, string Name, string Definition)> _dropped = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Table, string Name, string Definition)> _triggers = [];

    /// <summary>
    /// Worth it when the file brings at least a quarter as many rows as the tables already hold: the rebuild
    /// reads the whole table, so a small import into a large history keeps its indexes.
    /// </summary>
    public static async Task<bool> WorthItAsync(DbConnection conn, long fileBytes)
    {
        const long bytesPerRow = 140; // a typical cases.csv row, see bench/generate-district.py
        var incoming = fileBytes / bytesPerRow;
        if (incoming < 50_000)
            return false;
        var stored = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM cases");
        return incoming * 4 >= stored;
    }

    /// <summary>
    /// PostgreSQL: before the importer reads the catalogue, the parent tables are locked against other writers until
    /// the commit (readers go on), so the ids it checks rows against stay true — what the foreign keys, re-added
    /// <c>NOT VALID</c>, no longer re-check. The same lock <c>ADD CONSTRAINT</c> would have taken at the end.
    /// </summary>
    public static Task LockParentsAsync(DbConnection conn, DbTransaction tx) =>
        conn is NpgsqlConnection
            ? conn.ExecuteAsync("LOCK TABLE agencies, powers, officers IN SHARE ROW EXCLUSIVE MODE", transaction: tx)
            : Task.CompletedTask;

    public async Task DropAsync(DbConnection conn, DbTransaction tx)
    {
        var sql = conn is NpgsqlConnection
            ? $"SELECT tablename::text, indexname::text, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN {Tables} AND indexdef NOT LIKE 'CREATE UNIQUE%'"
            : $"SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN {Tables} AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'";
        _dropped.AddRange(await conn.QueryAsync<(string, string, string)>(sql, transaction: tx));
        foreach (var (_, name, _) in _dropped)
            await conn.ExecuteAsync($"DROP INDEX \"{name}\"", transaction: tx);
        // The monthly summaries' triggers (V014): the importer counts what it loads and adds it once at the end.
        _triggers.AddRange(await conn.QueryAsync<(string, string, string)>(conn is NpgsqlConnection
                ? "SELECT c.relname::text, t.tgname::text, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid " +
                  $"WHERE NOT t.tgisinternal AND c.relname IN ('cases', 'case_officers') AND t.tgname LIKE '{Statistics.MonthlySummaries.TriggerPrefix}%'"
                : $"SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('cases', 'case_officers') AND name LIKE '{Statistics.MonthlySummaries.TriggerPrefix}%'",
            transaction: tx));
        foreach (var (table, name, _) in _triggers)
            await conn.ExecuteAsync(conn is NpgsqlConnection ? $"DROP TRIGGER \"{name}\" ON {table}" : $"DROP TRIGGER \"{name}\"", transaction: tx);
        if (conn is not NpgsqlConnection)
            return; // SQLite cannot drop a constraint; its foreign-key checks are cheap index lookups anyway
        _foreignKeys.AddRange(await conn.QueryAsync<(string, string, string)>(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' " +
            "AND (conrelid IN ('cases'::regclass, 'case_officers'::regclass) OR confrelid = 'cases'::regclass)",
            transaction: tx));
        foreach (var (table, name, _) in _foreignKeys)
            await conn.ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", transaction: tx);
    }

    /// <summary>
    /// Builds the indexes of <c>cases</c> and <c>case_officers</c> again and puts back their triggers and foreign keys.
    /// Before the search table is filled from the cases where the writer has not filled it (SQLite, staging): its
    /// <c>INSERT … SELECT</c> then reads the penalty cases through their partial index instead of every row of <c>cases</c>.
    /// </summary>
    public async Task RebuildCaseTablesAsync(DbConnection conn, DbTransaction tx)
    {
        await BuildIndexesAsync(conn, tx, table => table != "published_decisions");
        foreach (var (_, _, definition) in _triggers)
            await conn.ExecuteAsync(definition, transaction: tx);
        _triggers.Clear();
        foreach (var (table, name, definition) in _foreignKeys)
            await conn.ExecuteAsync($"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition} NOT VALID", transaction: tx);
        _foreignKeys.Clear();
    }

    /// <summary>Builds the search table's indexes again, once it holds the imported decisions (ADR-011).</summary>
    public Task RebuildSearchTableAsync(DbConnection conn, DbTransaction tx) => BuildIndexesAsync(conn, tx, _ => true);

    private async Task BuildIndexesAsync(DbConnection conn, DbTransaction tx, Func<string, bool> tables)
    {
        if (conn is NpgsqlConnection)
            await conn.ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", transaction: tx);
        foreach (var (_, _, definition) in _dropped.Where(d => tables(d.Table)))
            await conn.ExecuteAsync(definition, transaction: tx, commandTimeout: 0);
        _dropped.RemoveAll(d => tables(d.Table));
    }
}
