using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;
using Npgsql;
using Zhifa.Data.Import;

namespace Zhifa.Data.Statistics;

/// <summary>A row of <c>case_month_counts</c> (V014): cases filed in a month by one agency under one power.</summary>
public sealed class CaseMonthCountRow
{
    public DateOnly Month { get; set; }
    public long AgencyId { get; set; }
    public string Category { get; set; } = "";
    public long PowerId { get; set; }
    public long Cases { get; set; }
}

/// <summary>A row of <c>officer_month_cases</c> (V014): the cases of one agency filed in a month that name the officer.</summary>
public sealed class OfficerMonthCasesRow
{
    public DateOnly Month { get; set; }
    public long OfficerId { get; set; }
    public long AgencyId { get; set; }
    public long Cases { get; set; }
}

/// <summary>A row of <c>decision_month_fines</c> (V014): an agency's penalty decisions of a month and their fines.</summary>
public sealed class DecisionMonthFinesRow
{
    public DateOnly Month { get; set; }
    public long AgencyId { get; set; }
    public long Decisions { get; set; }
    public long FineFen { get; set; }
}

/// <summary>
/// The monthly summaries of the case tables (V014, ADR-019) that the statistics read for whole months. Triggers keep
/// them for every writer; a bulk import, which drops the triggers with the indexes (<see cref="BulkLoadSchema"/>),
/// counts what it writes here and adds it at the end (<see cref="BulkCounts"/>). <see cref="DifferencesAsync"/>
/// recomputes them from the case tables, for tests and for an administrator who doubts them.
/// </summary>
public static class MonthlySummaries
{
    /// <summary>The summary triggers' names share this prefix (V014); the bulk load drops and re-adds them.</summary>
    public const string TriggerPrefix = "zhifa_case";

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// Every (table, key) where a stored summary differs from the case tables: empty when they agree. A stored row
    /// with a zero count is a difference too (the triggers delete those).
    /// </summary>
    public static async Task<List<string>> DifferencesAsync(DbConnection conn, CancellationToken ct = default)
    {
        var month = conn is NpgsqlConnection ? "date_trunc('month', {0})::date" : "substr({0}, 1, 8) || '01'";
        string M(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, month, column);
        var checks = new (string Name, string Stored, string Computed, string Key)[]
        {
            ("case_month_counts", "SELECT month, agency_id, category, power_id, cases AS n FROM case_month_counts",
                $"SELECT {M("filed_on")} AS month, agency_id, category, power_id, count(*) AS n FROM cases GROUP BY 1, 2, 3, 4",
                "s.month = c.month AND s.agency_id = c.agency_id AND s.category = c.category AND s.power_id = c.power_id"),
            ("officer_month_cases", "SELECT month, officer_id, agency_id, cases AS n FROM officer_month_cases",
                $"SELECT {M("co.filed_on")} AS month, co.officer_id, c.agency_id, count(*) AS n FROM case_officers co JOIN cases c ON c.id = co.case_id GROUP BY 1, 2, 3",
                "s.month = c.month AND s.officer_id = c.officer_id AND s.agency_id = c.agency_id"),
            ("decision_month_fines", "SELECT month, agency_id, decisions * 1000000000000 + fine_fen AS n FROM decision_month_fines",
                $"SELECT {M("decided_on")} AS month, agency_id, count(*) * 1000000000000 + coalesce(sum(fine_fen), 0) AS n FROM cases WHERE category = 'Penalty' AND decided_on IS NOT NULL GROUP BY 1, 2",
                "s.month = c.month AND s.agency_id = c.agency_id"),
        };
        var found = new List<string>();
        foreach (var (name, stored, computed, key) in checks)
        {
            var sql = $"SELECT s.n, c.n, s.month, c.month FROM ({stored}) s LEFT JOIN ({computed}) c ON {key} WHERE c.n IS NULL OR c.n <> s.n " +
                      $"UNION ALL SELECT NULL, c.n, NULL, c.month FROM ({computed}) c WHERE NOT EXISTS (SELECT 1 FROM ({stored}) s WHERE {key})";
            foreach (var row in await conn.QueryAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: ct)))
                found.Add($"{name}: {string.Join(", ", ((IDictionary<string, object?>)row).Values)}");
        }
        return found;
    }

    /// <summary>
    /// What a bulk load writes, counted as the rows go by and added to the summaries at the end in a few thousand
    /// upserts instead of a trigger per row — exact, because a bulk load only inserts.
    /// </summary>
    public sealed class BulkCounts
    {
        private static readonly string[] Categories = Enum.GetNames<Zhifa.Domain.Catalog.PowerCategory>();
        private readonly Dictionary<(int Month, long Agency), (long Decisions, long FineFen)> _fines = [];

        // Cases by power and officers' links are counted in dense arrays (1.4 million links and 600,000 cases at
        // 600,000 cases): a slot per power (with its agency and kind) and per officer (with its agency) — a few thousand,
        // so the slots stay in the processor's cache —, an array of slots per month. A dictionary entry per (month, …)
        // key, scattered over megabytes, cost a cache miss and a hash of the whole tuple per row.
        private readonly MonthlyCounts<(long Power, long Agency, int Category)> _powers = new();
        private readonly MonthlyCounts<(long Officer, long Agency)> _officers = new();

        private static int Key(DateOnly day) => day.Year * 12 + day.Month - 1;
        private static DateOnly Month(int key) => new(key / 12, key % 12 + 1, 1);

        public void Add(CaseRow row)
        {
            var month = Key(row.FiledOn);
            _powers.Add(month, row.PowerId, (row.PowerId, row.AgencyId, (int)row.Category));
            foreach (var officer in row.OfficerIds)
                _officers.Add(month, officer, (officer, row.AgencyId));
            if (row.Category == Zhifa.Domain.Catalog.PowerCategory.Penalty && row.DecidedOn is { } decided)
            {
                ref var fines = ref CollectionsMarshal.GetValueRefOrAddDefault(_fines, (Key(decided), row.AgencyId), out _);
                fines = (fines.Decisions + 1, fines.FineFen + (row.FineFen ?? 0));
            }
        }

        /// <summary>
        /// Counts per month of keys whose id almost always decides the rest — a power its agency and kind, an officer its
        /// agency, as the importer has checked. A key's slot is found by its id and confirmed on the whole key; only a key
        /// its id has not been seen with goes through a dictionary of whole keys.
        /// </summary>
        private sealed class MonthlyCounts<TKey> where TKey : IEquatable<TKey>
        {
            private readonly Dictionary<long, int> _byId = [];
            private readonly Dictionary<TKey, int> _others = [];
            private readonly List<TKey> _keys = [];
            private readonly Dictionary<int, int[]> _months = [];

            public void Add(int month, long id, TKey key)
            {
                var slot = SlotOf(id, key);
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_months, month, out _);
                if (counts is null || counts.Length <= slot)
                    Array.Resize(ref counts, Math.Max(_keys.Count, 2 * (counts?.Length ?? 16)));
                counts[slot]++;
            }

            public IEnumerable<(int Month, TKey Key, long Count)> Counts() =>
                from m in _months
                from slot in Enumerable.Range(0, m.Value.Length)
                where m.Value[slot] > 0
                select (m.Key, _keys[slot], (long)m.Value[slot]);

            public void Clear()
            {
                _byId.Clear();
                _others.Clear();
                _keys.Clear();
                _months.Clear();
            }

            private int SlotOf(long id, TKey key)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byId, id, out var known);
                if (!known)
                    return slot = NewSlot(key);
                if (_keys[slot].Equals(key))
                    return slot;
                ref var other = ref CollectionsMarshal.GetValueRefOrAddDefault(_others, key, out var seen);
                return seen ? other : other = NewSlot(key);
            }

            private int NewSlot(TKey key)
            {
                _keys.Add(key);
                return _keys.Count - 1;
            }
        }

        public void Clear()
        {
            _sorted = null;
            _fines.Clear();
            _powers.Clear();
            _officers.Clear();
        }

        /// <summary>The officers' counts by (officer, month, agency), the summary table's key.</summary>
        private IEnumerable<KeyValuePair<(long Officer, int Month, long Agency), long>> OfficerCounts() =>
            _officers.Counts().Select(c => KeyValuePair.Create((c.Key.Officer, c.Month, c.Key.Agency), c.Count));

        /// <summary>The cases' counts by (month, agency, kind, power), the summary table's key.</summary>
        private IEnumerable<KeyValuePair<(int Month, long Agency, int Category, long Power), long>> CaseCounts() =>
            _powers.Counts().Select(c => KeyValuePair.Create((c.Month, c.Key.Agency, c.Key.Category, c.Key.Power), c.Count));

        /// <summary>
        /// Adds the counts to the stored summaries, in the import's transaction, in slices of <see cref="Slice"/> rows:
        /// on PostgreSQL one statement per slice over typed arrays (<c>unnest</c>) — or a COPY into a table still empty —,
        /// on SQLite one native statement
        /// stepped per row — milliseconds per ten thousand rows, where a provider command per row would cost seconds.
        /// </summary>
        public async Task AddToAsync(DbConnection conn, DbTransaction tx, CancellationToken ct = default)
        {
            var (cases, officers, fines) = await (_sorted ?? Task.Run(Sort, ct));
            _sorted = null;
            var writer = new SliceWriter(conn, tx);
            await writer.WriteAsync(
                "INSERT INTO case_month_counts (month, agency_id, category, power_id, cases) {0} " +
                "ON CONFLICT (month, agency_id, category, power_id) DO UPDATE SET cases = case_month_counts.cases + excluded.cases",
                cases, kv => (Month(kv.Key.Month), kv.Key.Agency, Categories[kv.Key.Category], kv.Key.Power, kv.Value), ct);
            await writer.WriteAsync(
                "INSERT INTO officer_month_cases (month, officer_id, agency_id, cases) {0} " +
                "ON CONFLICT (officer_id, month, agency_id) DO UPDATE SET cases = officer_month_cases.cases + excluded.cases",
                officers, kv => (Month(kv.Key.Month), kv.Key.Officer, null, kv.Key.Agency, kv.Value), ct);
            await writer.WriteAsync(
                "INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen) {0} " +
                "ON CONFLICT (month, agency_id) DO UPDATE SET decisions = decision_month_fines.decisions + excluded.decisions, " +
                "fine_fen = decision_month_fines.fine_fen + excluded.fine_fen",
                fines, kv => (Month(kv.Key.Month), kv.Key.Agency, null, kv.Value.Decisions, kv.Value.FineFen), ct);
        }

        /// <summary>
        /// Once the file has been counted: puts the counts in their tables' key order on another thread, while the
        /// import's connection is busy rebuilding indexes, so <see cref="AddToAsync"/> finds them ready.
        /// </summary>
        public void SortInBackground() => _sorted = Task.Run(Sort);

        private Task<Sorted>? _sorted;

        private sealed record Sorted(
            KeyValuePair<(int Month, long Agency, int Category, long Power), long>[] Cases,
            KeyValuePair<(long Officer, int Month, long Agency), long>[] Officers,
            KeyValuePair<(int Month, long Agency), (long Decisions, long FineFen)>[] Fines);

        private Sorted Sort() => new(InKeyOrder(CaseCounts()), InKeyOrder(OfficerCounts()), InKeyOrder(_fines));

        /// <summary>The counts in the order of their table's primary key (the tuples are declared in it), so the upserts walk the index in order.</summary>
        private static KeyValuePair<TKey, TValue>[] InKeyOrder<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> rows) where TKey : notnull
        {
            var ordered = rows.ToArray();
            Array.Sort(ordered, (x, y) => Comparer<TKey>.Default.Compare(x.Key, y.Key));
            return ordered;
        }

        private const int Slice = 8192; // the Hedong fixture's 20,000 officer-months take three

        /// <summary>
        /// Writes rows shaped (month, a, text or null, b, c) — the three summaries' columns in their INSERT order,
        /// where officers are (month, officer, -, agency, cases) and fines (month, agency, -, decisions, fen) — in slices.
        /// </summary>
        private sealed class SliceWriter(DbConnection conn, DbTransaction tx)
        {
            private string? _copyInto;
            private NpgsqlRawCopyStream? _copy;

            public async Task WriteAsync<TKey, TValue>(string sql, KeyValuePair<TKey, TValue>[] rows,
                Func<KeyValuePair<TKey, TValue>, (DateOnly Month, long A, string? Text, long B, long C)> shape, CancellationToken ct)
                where TKey : notnull
            {
                if (rows.Length == 0)
                    return;
                // PostgreSQL, the first load into a table (usually the first import): nothing to add to, so COPY.
                var target = System.Text.RegularExpressions.Regex.Match(sql, @"^INSERT INTO (\w+) \(([^)]*)\)");
                _copyInto = conn is NpgsqlConnection && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT EXISTS (SELECT 1 FROM {target.Groups[1].Value})", transaction: tx, cancellationToken: ct))
                    ? $"COPY {target.Groups[1].Value} ({target.Groups[2].Value}) FROM STDIN (FORMAT BINARY)"
                    : null;
                // … and its primary key is built after the COPY: one sorted build costs about half of inserting the rows
                // one by one into it (72,000 officer-months at 600,000 cases: 0.05 s against 0.08–0.13 s).
                string? keyRebuild = null;
                if (_copyInto is not null)
                {
                    var table = target.Groups[1].Value;
                    var (name, definition) = await conn.QuerySingleAsync<(string, string)>(new CommandDefinition(
                        $"SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype = 'p'",
                        transaction: tx, cancellationToken: ct));
                    await conn.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", transaction: tx, cancellationToken: ct));
                    keyRebuild = $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}";
                }
                var hasText = shape(rows[0]).Text is not null;
                var months = new DateOnly[Math.Min(Slice, rows.Length)];
                var a = new long[months.Length];
                var texts = hasText ? new string[months.Length] : null;
                var b = new long[months.Length];
                var c = new long[months.Length];
                var n = 0;
                foreach (var row in rows)
                {
                    var (month, x, text, y, z) = shape(row);
                    (months[n], a[n], b[n], c[n]) = (month, x, y, z);
                    if (texts is not null)
                        texts[n] = text!;
                    if (++n == months.Length)
                    {
                        await FlushAsync(sql, months, a, texts, b, c, n, ct);
                        n = 0;
                    }
                }
                if (n > 0)
                    await FlushAsync(sql, months, a, texts, b, c, n, ct);
                if (_copy is not null)
                {
                    using var end = new MemoryStream();
                    new PgBinaryCopyWriter(end).Trailer();
                    await _copy.WriteAsync(end.GetBuffer().AsMemory(0, (int)end.Length), ct);
                    await _copy.DisposeAsync(); // ends the COPY: the server answers with its outcome
                    _copy = null;
                }
                if (keyRebuild is not null)
                    await conn.ExecuteAsync(new CommandDefinition(keyRebuild, transaction: tx, commandTimeout: 0, cancellationToken: ct));
            }

            private async Task FlushAsync(string sql, DateOnly[] months, long[] a, string[]? texts, long[] b, long[] c, int n, CancellationToken ct)
            {
                var columns = texts is null ? 4 : 5;
                if (conn is NpgsqlConnection npgsql && _copyInto is { } copyCommand)
                {
                    // One COPY for the whole table, fed slice by slice: a statement per slice cost about as much again.
                    using var buffer = new MemoryStream();
                    var w = new PgBinaryCopyWriter(buffer);
                    if (_copy is null)
                    {
                        _copy = await npgsql.BeginRawBinaryCopyAsync(copyCommand, ct);
                        w.Header();
                    }
                    for (var i = 0; i < n; i++)
                    {
                        w.StartRow((short)columns);
                        w.Date(months[i]);
                        w.Int64(a[i]);
                        if (texts is not null)
                            w.Text(texts[i]);
                        w.Int64(b[i]);
                        w.Int64(c[i]);
                    }
                    w.Flush();
                    await _copy.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
                    return;
                }
                if (conn is NpgsqlConnection)
                {
                    var names = Enumerable.Range(0, columns).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                    await using var cmd = conn.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandTimeout = 0;
                    cmd.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"SELECT * FROM unnest({string.Join(", ", names)}) WHERE true");
                    Add(cmd, names[0], months.AsSpan(0, n).ToArray());
                    Add(cmd, names[1], a.AsSpan(0, n).ToArray());
                    if (texts is not null)
                        Add(cmd, names[2], texts.AsSpan(0, n).ToArray());
                    Add(cmd, names[columns - 2], b.AsSpan(0, n).ToArray());
                    Add(cmd, names[columns - 1], c.AsSpan(0, n).ToArray());
                    await cmd.ExecuteNonQueryAsync(ct);
                    return;
                }
                // SQLite: one statement prepared once and stepped per row through the native API — about a microsecond a
                // row, where the provider's command per row (or a JSON array, or hundreds of bound parameters) costs
                // several.
                var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)conn;
                var values = string.Join(", ", Enumerable.Range(1, columns).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var sqlText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"VALUES ({values})");
                if (SQLitePCL.raw.sqlite3_prepare_v2(sqlite.Handle, sqlText, out var stmt) != SQLitePCL.raw.SQLITE_OK)
                    throw new InvalidOperationException($"SQLite prepare failed: {SQLitePCL.raw.sqlite3_errmsg(sqlite.Handle).utf8_to_string()}");
                using (stmt)
                {
                    for (var i = 0; i < n; i++)
                    {
                        SQLitePCL.raw.sqlite3_bind_text(stmt, 1, months[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                        SQLitePCL.raw.sqlite3_bind_int64(stmt, 2, a[i]);
                        if (texts is not null)
                            SQLitePCL.raw.sqlite3_bind_text(stmt, 3, texts[i]);
                        SQLitePCL.raw.sqlite3_bind_int64(stmt, columns - 1, b[i]);
                        SQLitePCL.raw.sqlite3_bind_int64(stmt, columns, c[i]);
                        if (SQLitePCL.raw.sqlite3_step(stmt) != SQLitePCL.raw.SQLITE_DONE)
                            throw new InvalidOperationException($"SQLite error: {SQLitePCL.raw.sqlite3_errmsg(sqlite.Handle).utf8_to_string()}");
                        SQLitePCL.raw.sqlite3_reset(stmt);
                    }
                }
            }

            private static void Add(DbCommand cmd, string name, object? value)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
        }
    }
}
