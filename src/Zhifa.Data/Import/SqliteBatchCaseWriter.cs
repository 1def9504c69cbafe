using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Zhifa.Data.Import;

/// <summary>
/// The plain (no upsert) SQLite case writer: rows go in multi-row INSERT statements of <see cref="BatchSize"/>
/// rows with ids handed out here, so a million-row file costs thousands of statements, not millions. The unique
/// index on the case number still finds duplicates: a row whose id is missing from RETURNING was refused.
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
    private SqliteCommand? _fullCases, _fullLinks;
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

    private SqliteCommand CasesCommand(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO cases ({Columns}) VALUES ");
        var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var p = 0; p < CaseParameters; p++)
            {
                var name = $"@p{r}_{p}";
                sql.Append(name).Append(',');
                cmd.Parameters.Add(new SqliteParameter(name, null));
            }
            sql.Append("0)");
        }
        sql.Append(" ON CONFLICT(number) DO NOTHING RETURNING id");
        cmd.CommandText = sql.ToString();
        cmd.Prepare();
        return cmd;
    }

    private SqliteCommand LinksCommand(int rows)
    {
        var sql = new StringBuilder("INSERT INTO case_officers (case_id, officer_id, filed_on) VALUES ");
        var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@c{r},@o{r},@f{r})");
            cmd.Parameters.Add(new SqliteParameter($"@c{r}", 0L));
            cmd.Parameters.Add(new SqliteParameter($"@o{r}", 0L));
            cmd.Parameters.Add(new SqliteParameter($"@f{r}", ""));
        }
        cmd.CommandText = sql.ToString();
        cmd.Prepare();
        return cmd;
    }

    private static object Db(object? v) => v ?? DBNull.Value;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
        SqliteCommand cmd;
        if (_pending.Count == BatchSize)
            cmd = _fullCases ??= CasesCommand(BatchSize);
        else
            cmd = CasesCommand(_pending.Count);
        var ps = cmd.Parameters;
        for (var r = 0; r < _pending.Count; r++)
        {
            var (row, id) = _pending[r];
            var b = r * CaseParameters;
            ps[b].Value = id;
            ps[b + 1].Value = row.Number;
            ps[b + 2].Value = row.AgencyId;
            ps[b + 3].Value = row.Category.ToString();
            ps[b + 4].Value = row.PowerId;
            ps[b + 5].Value = Iso(row.FiledOn);
            ps[b + 6].Value = Db(row.Procedure?.ToString());
            ps[b + 7].Value = Db(row.PartyType?.ToString());
            ps[b + 8].Value = Db(row.PartyName);
            ps[b + 9].Value = Db(row.PartyCreditCode);
            ps[b + 10].Value = Db(row.FineFen);
            ps[b + 11].Value = row.DecidedOn is { } d ? Iso(d) : DBNull.Value;
            ps[b + 12].Value = row.PublishedOn is { } p ? Iso(p) : DBNull.Value;
            ps[b + 13].Value = row.ClosedOn is { } c ? Iso(c) : DBNull.Value;
            ps[b + 14].Value = Db(row.Outcome);
        }
        _returned.Clear();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
                _returned.Add(reader.GetInt64(0));
        if (!ReferenceEquals(cmd, _fullCases))
            cmd.Dispose();
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
        var cmd = _links.Count == LinkBatchSize ? _fullLinks ??= LinksCommand(LinkBatchSize) : LinksCommand(_links.Count);
        for (var r = 0; r < _links.Count; r++)
        {
            cmd.Parameters[r * 3].Value = _links[r].CaseId;
            cmd.Parameters[r * 3 + 1].Value = _links[r].OfficerId;
            cmd.Parameters[r * 3 + 2].Value = _links[r].FiledOn;
        }
        cmd.ExecuteNonQuery();
        if (!ReferenceEquals(cmd, _fullLinks))
            cmd.Dispose();
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
