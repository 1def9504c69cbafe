using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Zhifa.Data.Import;

/// <summary>
/// The plain (no upsert) SQLite case writer: rows go in multi-row INSERT statements of <see cref="BatchSize"/>
/// rows with ids handed out here, so a million-row file costs thousands of statements, not millions. The unique
/// index on the case number still finds duplicates: when a batch inserts fewer rows than it holds (sqlite3_changes), the
/// ids it did insert are read back and every missing row is reported.
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
    private readonly List<(long CaseId, long OfficerId, DateOnly FiledOn)> _links = new(LinkBatchSize);
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
        sql.Append(" ON CONFLICT(number) DO NOTHING");
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

    // Text is bound as UTF-8 from a reused buffer: the string overload allocates a converted copy per value.
    private byte[] _utf8 = new byte[512];

    private void Bind(sqlite3_stmt s, int i, string? v)
    {
        if (v is null)
        {
            raw.sqlite3_bind_null(s, i);
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(v.Length);
        if (max > _utf8.Length)
            _utf8 = new byte[max];
        raw.sqlite3_bind_text(s, i, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(v, _utf8)));
    }

    private static void Bind(sqlite3_stmt s, int i, long? v)
    {
        if (v is null)
            raw.sqlite3_bind_null(s, i);
        else
            raw.sqlite3_bind_int64(s, i, v.Value);
    }

    /// <summary>Binds a date as its ISO text (yyyy-MM-dd, as EF Core stores DateOnly) without a string in between.</summary>
    private static void Bind(sqlite3_stmt s, int i, DateOnly? d)
    {
        if (d is not { } day)
        {
            raw.sqlite3_bind_null(s, i);
            return;
        }
        Span<byte> iso = stackalloc byte[10];
        Digits(iso[..4], day.Year);
        iso[4] = (byte)'-';
        Digits(iso.Slice(5, 2), day.Month);
        iso[7] = (byte)'-';
        Digits(iso.Slice(8, 2), day.Day);
        raw.sqlite3_bind_text(s, i, iso);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var k = into.Length - 1; k >= 0; k--, value /= 10)
            into[k] = (byte)('0' + value % 10);
    }

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly byte[][] Categories = Utf8Names<Zhifa.Domain.Catalog.PowerCategory>();
    private static readonly byte[][] Procedures = Utf8Names<Zhifa.Domain.Cases.ProcedureType>();
    private static readonly byte[][] Parties = Utf8Names<Zhifa.Domain.Cases.PartyType>();

    private static byte[][] Utf8Names<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(Encoding.UTF8.GetBytes)];

    private static void Bind(sqlite3_stmt s, int i, byte[]? utf8)
    {
        if (utf8 is null)
            raw.sqlite3_bind_null(s, i);
        else
            raw.sqlite3_bind_text(s, i, utf8);
    }

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
            Bind(stmt, b + 1, row.Number);
            raw.sqlite3_bind_int64(stmt, b + 2, row.AgencyId);
            Bind(stmt, b + 3, Categories[(int)row.Category]);
            raw.sqlite3_bind_int64(stmt, b + 4, row.PowerId);
            Bind(stmt, b + 5, row.FiledOn);
            Bind(stmt, b + 6, row.Procedure is { } procedure ? Procedures[(int)procedure] : null);
            Bind(stmt, b + 7, row.PartyType is { } party ? Parties[(int)party] : null);
            Bind(stmt, b + 8, row.PartyName);
            Bind(stmt, b + 9, row.PartyCreditCode);
            Bind(stmt, b + 10, row.FineFen);
            Bind(stmt, b + 11, row.DecidedOn);
            Bind(stmt, b + 12, row.PublishedOn);
            Bind(stmt, b + 13, row.ClosedOn);
            Bind(stmt, b + 14, row.Outcome);
        }
        Check(raw.sqlite3_step(stmt), db);
        var allInserted = raw.sqlite3_changes(db) == _pending.Count;
        raw.sqlite3_reset(stmt);
        if (!full)
            stmt.Dispose();
        if (!allInserted)
            ReadInsertedIds(_pending[0].Id, _pending[^1].Id);
        foreach (var (row, id) in _pending)
        {
            if (!allInserted && !_returned.Contains(id))
            {
                ReportDuplicate(row);
                continue;
            }
            _inserted++;
            foreach (var officer in row.OfficerIds)
            {
                _links.Add((id, officer, row.FiledOn));
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
            Bind(stmt, r * 3 + 3, _links[r].FiledOn);
        }
        Check(raw.sqlite3_step(stmt), _conn.Handle!);
        raw.sqlite3_reset(stmt);
        if (!full)
            stmt.Dispose();
        _links.Clear();
    }

    /// <summary>The rare path: a batch met a duplicate number, so find which of its ids went in.</summary>
    private void ReadInsertedIds(long first, long last)
    {
        _returned.Clear();
        using var ids = _conn.CreateCommand();
        ids.Transaction = _tx;
        ids.CommandText = "SELECT id FROM cases WHERE id BETWEEN @first AND @last";
        ids.Parameters.AddWithValue("@first", first);
        ids.Parameters.AddWithValue("@last", last);
        using var r = ids.ExecuteReader();
        while (r.Read())
            _returned.Add(r.GetInt64(0));
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
