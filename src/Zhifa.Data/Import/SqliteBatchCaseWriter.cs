using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Zhifa.Data.Import;

/// <summary>
/// The plain (no upsert) SQLite case writer: rows go in multi-row INSERT statements of <see cref="BatchSize"/>
/// rows with ids handed out here, so a million-row file costs thousands of statements, not millions. The unique
/// index on the case number still finds duplicates: a row whose id is missing from RETURNING was refused.
/// Statements are prepared and bound through SQLitePCLRaw by position: Microsoft.Data.Sqlite binds by name and
/// checks every statement parameter against its collection, which is quadratic in the parameters of a batch.
/// </summary>
internal sealed class SqliteBatchCaseWriter : ICaseWriter
{
    private const int BatchSize = 64;
    private const int LinkBatchSize = 256;
    private const int CaseParameters = 15;

    private const string Columns =
        "id, number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome, extension_days";

    private readonly SqliteConnection _conn;
    private readonly SqliteTransaction _tx;
    private readonly IImportErrorSink _errors;
    private readonly long _maxIdBefore;
    private readonly List<(CaseRow Row, long Id)> _pending = new(BatchSize);
    private readonly List<(long CaseId, long OfficerId, string FiledOn)> _links = new(LinkBatchSize);
    private readonly HashSet<long> _returned = new(BatchSize);
    private sqlite3_stmt? _fullCases, _fullLinks;
    private SqliteCommand _find;
    private long _nextId, _inserted;
    private string _fileName = "cases.csv";

    public SqliteBatchCaseWriter(SqliteConnection conn, SqliteTransaction tx, IImportErrorSink errors)
    {
        _conn = conn;
        _tx = tx;
        _errors = errors;
        using (var max = conn.CreateCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT coalesce(max(id), 0) FROM cases";
            _maxIdBefore = (long)max.ExecuteScalar()!;
        }
        _nextId = _maxIdBefore + 1;
        _find = conn.CreateCommand();
        _find.Transaction = tx;
        _find.CommandText = "SELECT id FROM cases WHERE number = @n";
        _find.Parameters.Add(new SqliteParameter("@n", ""));
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_conn.Handle, sql, out var stmt);
        if (rc != raw.SQLITE_OK)
            throw new InvalidOperationException($"SQLite prepare failed ({rc}): {raw.sqlite3_errmsg(_conn.Handle).utf8_to_string()}");
        return stmt;
    }

    private sqlite3_stmt CasesStatement(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO cases ({Columns}) VALUES ");
        for (var r = 0; r < rows; r++)
            sql.Append(r == 0 ? "(" : ",(").Append(string.Concat(Enumerable.Repeat("?,", CaseParameters))).Append("0)");
        sql.Append(" ON CONFLICT(number) DO NOTHING RETURNING id");
        return Prepare(sql.ToString());
    }

    private sqlite3_stmt LinksStatement(int rows)
    {
        var sql = new StringBuilder("INSERT INTO case_officers (case_id, officer_id, filed_on) VALUES ");
        for (var r = 0; r < rows; r++)
            sql.Append(r == 0 ? "(?,?,?)" : ",(?,?,?)");
        return Prepare(sql.ToString());
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
    }

    private static void Bind(sqlite3_stmt s, int i, string? v)
    {
        if (v is null)
            raw.sqlite3_bind_null(s, i);
        else
            raw.sqlite3_bind_text(s, i, v);
    }

    private static void Bind(sqlite3_stmt s, int i, long? v)
    {
        if (v is null)
            raw.sqlite3_bind_null(s, i);
        else
            raw.sqlite3_bind_int64(s, i, v.Value);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly string[] Categories = Enum.GetNames<Zhifa.Domain.Catalog.PowerCategory>();
    private static readonly string[] Procedures = Enum.GetNames<Zhifa.Domain.Cases.ProcedureType>();
    private static readonly string[] Parties = Enum.GetNames<Zhifa.Domain.Cases.PartyType>();

    public Task WriteAsync(CaseRow row, string fileName)
    {
        _fileName = fileName;
        _pending.Add((row, _nextId++));
        if (_pending.Count == BatchSize)
            FlushCases();
        return Task.CompletedTask;
    }

    private void FlushCases()
    {
        if (_pending.Count == 0)
            return;
        var full = _pending.Count == BatchSize;
        var stmt = full ? _fullCases ??= CasesStatement(BatchSize) : CasesStatement(_pending.Count);
        var db = _conn.Handle!;
        for (var r = 0; r < _pending.Count; r++)
        {
            var (row, id) = _pending[r];
            var b = r * CaseParameters + 1;
            raw.sqlite3_bind_int64(stmt, b, id);
            raw.sqlite3_bind_text(stmt, b + 1, row.Number);
            raw.sqlite3_bind_int64(stmt, b + 2, row.AgencyId);
            raw.sqlite3_bind_text(stmt, b + 3, Categories[(int)row.Category]);
            raw.sqlite3_bind_int64(stmt, b + 4, row.PowerId);
            raw.sqlite3_bind_text(stmt, b + 5, Iso(row.FiledOn));
            Bind(stmt, b + 6, row.Procedure is { } procedure ? Procedures[(int)procedure] : null);
            Bind(stmt, b + 7, row.PartyType is { } party ? Parties[(int)party] : null);
            Bind(stmt, b + 8, row.PartyName);
            Bind(stmt, b + 9, row.PartyCreditCode);
            Bind(stmt, b + 10, row.FineFen);
            Bind(stmt, b + 11, row.DecidedOn is { } d ? Iso(d) : null);
            Bind(stmt, b + 12, row.PublishedOn is { } p ? Iso(p) : null);
            Bind(stmt, b + 13, row.ClosedOn is { } c ? Iso(c) : null);
            Bind(stmt, b + 14, row.Outcome);
        }
        _returned.Clear();
        int rc;
        while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            _returned.Add(raw.sqlite3_column_int64(stmt, 0));
        Check(rc, db);
        raw.sqlite3_reset(stmt);
        if (!full)
            stmt.Dispose();
        foreach (var (row, id) in _pending)
        {
            if (!_returned.Contains(id))
            {
                ReportDuplicate(row);
                continue;
            }
            _inserted++;
            var filed = Iso(row.FiledOn);
            foreach (var officer in row.OfficerIds)
            {
                _links.Add((id, officer, filed));
                if (_links.Count == LinkBatchSize)
                    FlushLinks();
            }
        }
        _pending.Clear();
    }

    private void FlushLinks()
    {
        if (_links.Count == 0)
            return;
        var full = _links.Count == LinkBatchSize;
        var stmt = full ? _fullLinks ??= LinksStatement(LinkBatchSize) : LinksStatement(_links.Count);
        for (var r = 0; r < _links.Count; r++)
        {
            raw.sqlite3_bind_int64(stmt, r * 3 + 1, _links[r].CaseId);
            raw.sqlite3_bind_int64(stmt, r * 3 + 2, _links[r].OfficerId);
            raw.sqlite3_bind_text(stmt, r * 3 + 3, _links[r].FiledOn);
        }
        Check(raw.sqlite3_step(stmt), _conn.Handle!);
        raw.sqlite3_reset(stmt);
        if (!full)
            stmt.Dispose();
        _links.Clear();
    }

    private void ReportDuplicate(CaseRow row)
    {
        _find.Parameters[0].Value = row.Number;
        var existing = (long)_find.ExecuteScalar()!;
        _errors.Report(new ImportError(_fileName, row.Line, "案件编号", existing > _maxIdBefore
            ? $"案件编号\"{row.Number}\"在本次导入中重复出现"
            : $"案件编号\"{row.Number}\"已存在;如需更新请使用 --upsert"));
    }

    public Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        FlushCases();
        FlushLinks();
        return Task.FromResult((_inserted, 0L));
    }

    public ValueTask DisposeAsync()
    {
        _fullCases?.Dispose();
        _fullLinks?.Dispose();
        _find.Dispose();
        return ValueTask.CompletedTask;
    }
}
