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
    /// Every (table, key) where a stored summary differs from the case tables: empty when they agree. Zero counts
    /// and absent rows are the same.
    /// </summary>
    public static async Task<List<string>> DifferencesAsync(DbConnection conn, CancellationToken ct = default)
    {
        var month = conn is NpgsqlConnection ? "date_trunc('month', {0})::date" : "substr({0}, 1, 8) || '01'";
        string M(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, month, column);
        var checks = new (string Name, string Stored, string Computed, string Key)[]
        {
            ("case_month_counts", "SELECT month, agency_id, category, power_id, cases AS n FROM case_month_counts WHERE cases <> 0",
                $"SELECT {M("filed_on")} AS month, agency_id, category, power_id, count(*) AS n FROM cases GROUP BY 1, 2, 3, 4",
                "s.month = c.month AND s.agency_id = c.agency_id AND s.category = c.category AND s.power_id = c.power_id"),
            ("officer_month_cases", "SELECT month, officer_id, agency_id, cases AS n FROM officer_month_cases WHERE cases <> 0",
                $"SELECT {M("co.filed_on")} AS month, co.officer_id, c.agency_id, count(*) AS n FROM case_officers co JOIN cases c ON c.id = co.case_id GROUP BY 1, 2, 3",
                "s.month = c.month AND s.officer_id = c.officer_id AND s.agency_id = c.agency_id"),
            ("decision_month_fines", "SELECT month, agency_id, decisions * 1000000000000 + fine_fen AS n FROM decision_month_fines WHERE decisions <> 0 OR fine_fen <> 0",
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
        private readonly Dictionary<(int Month, long Agency, int Category, long Power), long> _cases = [];
        private readonly Dictionary<(int Month, long Officer, long Agency), long> _officers = [];
        private readonly Dictionary<(int Month, long Agency), (long Decisions, long FineFen)> _fines = [];

        private static int Key(DateOnly day) => day.Year * 12 + day.Month - 1;
        private static DateOnly Month(int key) => new(key / 12, key % 12 + 1, 1);

        internal void Add(CaseRow row)
        {
            var month = Key(row.FiledOn);
            CollectionsMarshal.GetValueRefOrAddDefault(_cases, (month, row.AgencyId, (int)row.Category, row.PowerId), out _)++;
            foreach (var officer in row.OfficerIds)
                CollectionsMarshal.GetValueRefOrAddDefault(_officers, (month, officer, row.AgencyId), out _)++;
            if (row.Category == Zhifa.Domain.Catalog.PowerCategory.Penalty && row.DecidedOn is { } decided)
            {
                ref var fines = ref CollectionsMarshal.GetValueRefOrAddDefault(_fines, (Key(decided), row.AgencyId), out _);
                fines = (fines.Decisions + 1, fines.FineFen + (row.FineFen ?? 0));
            }
        }

        public void Clear()
        {
            _cases.Clear();
            _officers.Clear();
            _fines.Clear();
        }

        /// <summary>
        /// Adds the counts to the stored summaries, in the import's transaction: on PostgreSQL one statement per table
        /// over arrays, on SQLite one prepared statement per table stepped per row (both a few milliseconds per
        /// hundred thousand rows, where a round trip per row would cost seconds).
        /// </summary>
        public async Task AddToAsync(DbConnection conn, DbTransaction tx, CancellationToken ct = default)
        {
            const string cases = "INSERT INTO case_month_counts (month, agency_id, category, power_id, cases) {0} " +
                                 "ON CONFLICT (month, agency_id, category, power_id) DO UPDATE SET cases = case_month_counts.cases + excluded.cases";
            const string officers = "INSERT INTO officer_month_cases (month, officer_id, agency_id, cases) {0} " +
                                    "ON CONFLICT (month, officer_id, agency_id) DO UPDATE SET cases = officer_month_cases.cases + excluded.cases";
            const string fines = "INSERT INTO decision_month_fines (month, agency_id, decisions, fine_fen) {0} " +
                                 "ON CONFLICT (month, agency_id) DO UPDATE SET decisions = decision_month_fines.decisions + excluded.decisions, " +
                                 "fine_fen = decision_month_fines.fine_fen + excluded.fine_fen";
            var caseRows = _cases.Select(kv => new object[] { Month(kv.Key.Month), kv.Key.Agency, Categories[kv.Key.Category], kv.Key.Power, kv.Value }).ToList();
            var officerRows = _officers.Select(kv => new object[] { Month(kv.Key.Month), kv.Key.Officer, kv.Key.Agency, kv.Value }).ToList();
            var fineRows = _fines.Select(kv => new object[] { Month(kv.Key.Month), kv.Key.Agency, kv.Value.Decisions, kv.Value.FineFen }).ToList();
            await AddAsync(conn, tx, cases, caseRows, ct);
            await AddAsync(conn, tx, officers, officerRows, ct);
            await AddAsync(conn, tx, fines, fineRows, ct);
        }

        private static async Task AddAsync(DbConnection conn, DbTransaction tx, string sql, List<object[]> rows, CancellationToken ct)
        {
            if (rows.Count == 0)
                return;
            var names = Enumerable.Range(0, rows[0].Length).Select(c => "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (conn is NpgsqlConnection)
                await conn.ExecuteAsync(new CommandDefinition(Format(sql, $"SELECT * FROM unnest({string.Join(", ", names)}) WHERE true"),
                    Columns(rows), tx, commandTimeout: 0, cancellationToken: ct));
            else
                await StepAsync(conn, tx, Format(sql, $"VALUES ({string.Join(", ", names)})"), rows, ct);
        }

        private static string Format(string sql, string rows) => string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, rows);

        /// <summary>The rows as one typed array per column, for <c>unnest</c>.</summary>
        private static DynamicParameters Columns(List<object[]> rows)
        {
            var p = new DynamicParameters();
            for (var c = 0; c < rows[0].Length; c++)
            {
                var column = c;
                Array values = rows[0][column] is DateOnly ? rows.Select(r => (DateOnly)r[column]).ToArray()
                    : rows[0][column] is string ? rows.Select(r => (string)r[column]).ToArray()
                    : rows.Select(r => Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                p.Add("p" + column.ToString(System.Globalization.CultureInfo.InvariantCulture), values);
            }
            return p;
        }

        private static async Task StepAsync(DbConnection conn, DbTransaction tx, string sql, List<object[]> rows, CancellationToken ct)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            var width = rows[0].Length;
            for (var c = 0; c < width; c++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                cmd.Parameters.Add(p);
            }
            foreach (var row in rows)
            {
                for (var c = 0; c < width; c++)
                    cmd.Parameters[c].Value = row[c];
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
