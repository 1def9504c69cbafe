using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Zhifa.Data.Publicity;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;

namespace Zhifa.Data.Import;

/// <summary>
/// <c>zhifa import &lt;folder&gt;</c>: reads the exchange-format files of a folder in the order agencies → powers →
/// officers → cases inside one transaction, streaming the case file, and commits only when no row was refused
/// (exchange-format.md: all-or-nothing).
/// </summary>
public sealed class ExchangeImporter(DatabaseTarget target, ImportOptions options, TimeProvider clock)
{
    public static readonly string[] FileOrder = ["agencies.csv", "powers.csv", "officers.csv", "cases.csv"];

    public async Task<ImportOutcome> RunAsync(string folder, IImportErrorSink errors, IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            errors.Report(new ImportError(folder, 0, "目录", "导入目录不存在"));
            return new ImportOutcome(false, [], errors.Count);
        }
        var present = FileOrder.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        foreach (var other in Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).Order())
            if (!FileOrder.Contains(other, StringComparer.Ordinal))
                errors.Report(new ImportError(other!, 0, "文件", $"未知的交换文件,应为:{string.Join("、", FileOrder)}"));
        if (present.Count == 0)
            errors.Report(new ImportError(folder, 0, "目录", $"目录中没有可导入的文件({string.Join("、", FileOrder)})"));
        if (errors.Count > 0)
            return new ImportOutcome(false, [], errors.Count);

        await new SchemaMigrator(target).MigrateAsync(ct: ct);
        await using var conn = await target.OpenConnectionAsync(ct);
        var casesFile = Path.Combine(folder, "cases.csv");
        var bulk = File.Exists(casesFile) && await BulkLoadSchema.WorthItAsync(conn, new FileInfo(casesFile).Length);
        if (conn is SqliteConnection sqlite)
            await SqliteBulkSettingsAsync(sqlite, bulk, ct);
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (bulk)
                await BulkLoadSchema.LockParentsAsync(conn, tx);
            var lookup = await CatalogLookup.LoadAsync(conn, tx);
            var master = new MasterDataImport(conn, tx, lookup, options, errors, clock);
            var summaries = new List<ImportFileSummary>();
            // Each file's SHA-256 for the record entry, hashed on another thread once the file has been read.
            var hashes = new Dictionary<string, Task<(string Sha256, long Size)>>();
            void HashRead(string file, string path) => hashes.TryAdd(file, Task.Run(() => Records.EvidenceHashing.Sha256Async(path, ct), ct));
            foreach (var file in present)
            {
                var path = Path.Combine(folder, file);
                summaries.Add(file switch
                {
                    "agencies.csv" => await master.AgenciesAsync(path),
                    "powers.csv" => await master.PowersAsync(path),
                    "officers.csv" => await master.OfficersAsync(path),
                    _ => await ImportCasesAsync(conn, tx, lookup, path, bulk, errors, progress, () => HashRead(file, path), ct),
                });
                HashRead(file, path); // the case file's hashing already started when its pass had read it
            }
            if (errors.Count == 0 && bulk && conn is SqliteConnection)
                await CheckForeignKeysAsync(conn, tx, errors);
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                return new ImportOutcome(false, summaries, errors.Count);
            }
            // 行政处罚法 第四十七条: imported history enters the full-process record as one entry per batch.
            await Records.CaseRecord.AppendImportAsync(conn, tx, new Records.ImportBatch(folder, summaries, options.Actor, clock.GetUtcNow(), hashes), ct);
            await tx.CommitAsync(ct);
            return new ImportOutcome(true, summaries, 0);
        }
        finally
        {
            if (conn is SqliteConnection pooled && bulk) // the connection goes back to the pool with the usual settings
                await pooled.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
        }
    }

    /// <summary>
    /// Index pages of a large import stay in memory (256 MiB at most) instead of the 2 MiB default cache, which
    /// makes random index inserts disk-bound; the import's memory ceiling accounts for it. A bulk load also:
    /// <list type="bullet">
    /// <item>turns SQLite's per-row foreign-key checks off (only possible outside a transaction) and checks every
    /// reference once before committing (<see cref="CheckForeignKeysAsync"/>); the rows' ids come from the catalog
    /// lookup of the same transaction anyway;</item>
    /// <item>leaves WAL for a rollback journal when no other connection has the database open (SQLite refuses the
    /// switch otherwise, and the load stays in WAL): a WAL load writes every page twice, to the log and then to the
    /// database at the checkpoint, while pages a rollback journal adds at the end of the file are written once.
    /// Synchronous FULL keeps the commit durable in that mode. Nobody reads during the load, so WAL's readers
    /// beside a writer are not missed; the finally block switches back.</item>
    /// </list>
    /// </summary>
    private static async Task SqliteBulkSettingsAsync(SqliteConnection conn, bool bulk, CancellationToken ct)
    {
        await using var pragma = conn.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY" + (bulk ? "; PRAGMA foreign_keys = OFF" : "");
        await pragma.ExecuteNonQueryAsync(ct);
        if (!bulk)
            return;
        try
        {
            pragma.CommandText = "PRAGMA journal_mode = DELETE";
            if (await pragma.ExecuteScalarAsync(ct) is "delete")
            {
                pragma.CommandText = "PRAGMA synchronous = FULL";
                await pragma.ExecuteNonQueryAsync(ct);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY: another connection is open, stay in WAL
        {
        }
    }

    private static async Task CheckForeignKeysAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx, IImportErrorSink errors)
    {
        var broken = await conn.QueryAsync<(string Table, long RowId, string Parent)>(
            "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 20", transaction: tx);
        foreach (var (table, rowId, parent) in broken)
            errors.Report(new ImportError(table, rowId, "外键", $"表 {table} 的第 {rowId} 条记录引用的 {parent} 不存在,导入已撤销"));
    }

    private async Task<ImportFileSummary> ImportCasesAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx,
        CatalogLookup lookup, string path, bool bulk, IImportErrorSink fileErrors, IProgress<ImportProgress>? progress, Action read, CancellationToken ct)
    {
        var errors = new LockedSink(fileErrors);
        using var t = CsvTable.Open(path, CaseRowValidator.Columns, errors);
        if (!t.HeaderOk)
            return new ImportFileSummary(t.FileName, 0, 0);
        var lastIdBefore = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM cases", transaction: tx);
        var numbers = options.Upsert ? new List<string>() : null;
        var schema = new BulkLoadSchema();
        // A bulk load drops the summary triggers with the indexes and counts what it writes itself (V014, ADR-019).
        var counts = bulk ? new MonthlySummaries.BulkCounts() : null;
        if (bulk)
            await schema.DropAsync(conn, tx);
        (long Inserted, long Updated) written;
        long? publishedWithTheCases = null; // the direct writer copies the search table's rows with the cases
        if (conn is NpgsqlConnection pg && !options.Upsert)
        {
            try
            {
                await using var direct = await PostgresDirectCaseWriter.StartAsync(pg, (NpgsqlTransaction)tx, bulk);
                written = await CasePassAsync(t, direct, lookup, errors, errors, numbers, counts, progress, ct);
                publishedWithTheCases = direct.Published;
            }
            catch (DuplicateCaseNumberException)
            {
                // A duplicate number: undo the direct copy and read the file again through staging, which names
                // every duplicate. The row errors were reported by the first pass, so this pass only counts them.
                await PostgresDirectCaseWriter.RollBackAsync(pg, (NpgsqlTransaction)tx);
                using var again = CsvTable.Open(path, CaseRowValidator.Columns, new SilentSink());
                await using var staging = await PostgresCaseWriter.StartAsync(pg, (NpgsqlTransaction)tx, upsert: false, errors, t.FileName);
                written = await CasePassAsync(again, staging, lookup, new SilentSink(), errors, numbers, counts, progress, ct);
            }
        }
        else
        {
            await using ICaseWriter writer = conn switch
            {
                SqliteConnection s when options.Upsert => new SqliteUpsertCaseWriter(s, (SqliteTransaction)tx, errors),
                SqliteConnection s => new SqliteBatchCaseWriter(s, (SqliteTransaction)tx, errors),
                NpgsqlConnection n => await PostgresCaseWriter.StartAsync(n, (NpgsqlTransaction)tx, upsert: true, errors, t.FileName),
                _ => throw new InvalidOperationException("unknown provider"),
            };
            written = await CasePassAsync(t, writer, lookup, errors, errors, numbers, counts, progress, ct);
        }
        read();
        if (errors.Count == 0)
        {
            _ = Task.Run(Records.CaseRecord.Prepare);
            counts?.SortInBackground();
            if (bulk)
                await schema.RebuildCaseTablesAsync(conn, tx);
            // The public search's table (ADR-011): filled by the direct writer along with the cases, or else set-based
            // after the load, from the cases' rebuilt indexes and before its own are rebuilt (a bulk load drops its
            // secondary ones too): the new cases only, or every case an upsert named.
            var published = publishedWithTheCases
                            ?? (numbers is null
                                ? await PublishedDecisions.AddImportedAsync(conn, tx, lastIdBefore, ct)
                                : await PublishedDecisions.RefreshNumbersAsync(conn, tx, numbers, ct));
            if (counts is not null)
                await counts.AddToAsync(conn, tx, ct);
            if (bulk)
                await schema.RebuildSearchTableAsync(conn, tx);
            if (published >= 10_000)
                await PublishedDecisions.AnalyzeAsync(conn, tx, ct);
        }
        return new ImportFileSummary(t.FileName, written.Inserted, written.Updated);
    }

    /// <summary>
    /// Reads the case file once: checks each row (reporting to <paramref name="rowErrors"/>) and writes the good
    /// ones, noting their numbers in <paramref name="numbers"/> when given (an upsert refreshes those cases' publication).
    /// A writer that stores rows in this process (SQLite) gets them from a second thread that reads and checks ahead of
    /// it by a few bounded batches, so the two cores of a small server parse and write at the same time while memory
    /// stays flat. A writer that only encodes rows for the database server's process (<see cref="ICaseWriter.OnlyEncodes"/>,
    /// PostgreSQL's COPY) is called on the reading thread itself: the other core is the server's, and a third busy
    /// thread only took turns with it.
    /// </summary>
    private async Task<(long Inserted, long Updated)> CasePassAsync(CsvTable t, ICaseWriter writer, CatalogLookup lookup,
        IImportErrorSink rowErrors, IImportErrorSink errors, List<string>? numbers, MonthlySummaries.BulkCounts? counts,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        counts?.Clear(); // a second pass (staging after a duplicate) counts afresh
        if (writer.OnlyEncodes)
        {
            await ReadAsync(WriteAsync, ct);
            return await writer.FinishAsync(write: errors.Count == 0);
        }

        const int batchSize = 1024;
        var batches = Channel.CreateBounded<List<CaseRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            var batch = new List<CaseRow>(batchSize);
            try
            {
                await ReadAsync(async row =>
                {
                    batch.Add(row);
                    if (batch.Count == batchSize)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                        batch = new List<CaseRow>(batchSize);
                    }
                }, stop.Token);
                if (batch.Count > 0)
                    await batches.Writer.WriteAsync(batch, stop.Token);
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                foreach (var row in batch)
                    await WriteAsync(row);
        }
        finally
        {
            await stop.CancelAsync(); // a writer failure stops the reader; on success it has already finished
            await reader;
        }
        return await writer.FinishAsync(write: errors.Count == 0);

        async Task ReadAsync(Func<CaseRow, ValueTask> good, CancellationToken token)
        {
            var validator = new CaseRowValidator(lookup, options, rowErrors);
            long rows = 0;
            while (t.Read())
            {
                token.ThrowIfCancellationRequested();
                var row = new CaseRow(); // the writer keeps the row until it is written
                if (validator.Check(t, row))
                    await good(row);
                if (++rows % 8192 == 0)
                    progress?.Report(new ImportProgress(t.FileName, t.Position, t.Length, rows));
            }
            progress?.Report(new ImportProgress(t.FileName, t.Length, t.Length, rows));
        }

        async ValueTask WriteAsync(CaseRow row)
        {
            await writer.WriteAsync(row, t.FileName);
            numbers?.Add(row.Number);
            counts?.Add(row);
        }
    }

    /// <summary>Serialises reports from the reading thread and the writing thread of <see cref="CasePassAsync"/>.</summary>
    private sealed class LockedSink(IImportErrorSink inner) : IImportErrorSink
    {
        private readonly Lock _lock = new();

        public int Count
        {
            get
            {
                lock (_lock)
                    return inner.Count;
            }
        }

        public void Report(ImportError error)
        {
            lock (_lock)
                inner.Report(error);
        }
    }

    /// <summary>Counts the row errors of a second pass without reporting them again: the first pass did.</summary>
    private sealed class SilentSink : IImportErrorSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Report(ImportError error) => Interlocked.Increment(ref _count);
    }
}
