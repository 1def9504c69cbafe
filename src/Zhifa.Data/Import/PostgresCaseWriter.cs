using Npgsql;
using NpgsqlTypes;

namespace Zhifa.Data.Import;

/// <summary>
/// Streams checked case rows into a temporary staging table with binary COPY, then finds duplicates and stores
/// the rows with set-based SQL — row-by-row inserts would be tens of times slower over the wire.
/// </summary>
internal sealed class PostgresCaseWriter : ICaseWriter
{
    private const string Columns =
        "number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome";

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly bool _upsert;
    private readonly IImportErrorSink _errors;
    private readonly string _fileName;
    private NpgsqlBinaryImporter? _copy;

    private PostgresCaseWriter(NpgsqlConnection conn, NpgsqlTransaction tx, bool upsert, IImportErrorSink errors, string fileName)
    {
        _conn = conn;
        _tx = tx;
        _upsert = upsert;
        _errors = errors;
        _fileName = fileName;
    }

    public static async Task<PostgresCaseWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx, bool upsert,
        IImportErrorSink errors, string fileName)
    {
        var w = new PostgresCaseWriter(conn, tx, upsert, errors, fileName);
        await w.ExecAsync(
            "CREATE TEMP TABLE import_cases (line bigint NOT NULL, number text COLLATE \"C\" NOT NULL, agency_id bigint NOT NULL, category text NOT NULL, power_id bigint NOT NULL, filed_on date NOT NULL, procedure text, party_type text, party_name text, party_credit_code text, fine_fen bigint, decided_on date, published_on date, closed_on date, outcome text, officer_ids bigint[] NOT NULL) ON COMMIT DROP");
        w._copy = await conn.BeginBinaryImportAsync($"COPY import_cases (line, {Columns}, officer_ids) FROM STDIN (FORMAT BINARY)");
        return w;
    }

    private async Task<int> ExecAsync(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn, _tx) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync();
    }

    private void Write<T>(T? value, NpgsqlDbType type) where T : class
    {
        if (value is null)
            _copy!.WriteNull();
        else
            _copy!.Write(value, type);
    }

    private void Write<T>(T? value, NpgsqlDbType type) where T : struct
    {
        if (value is null)
            _copy!.WriteNull();
        else
            _copy!.Write(value.Value, type);
    }

    public Task WriteAsync(CaseRow row, string fileName)
    {
        var c = _copy!;
        c.StartRow();
        c.Write(row.Line, NpgsqlDbType.Bigint);
        c.Write(row.Number, NpgsqlDbType.Text);
        c.Write(row.AgencyId, NpgsqlDbType.Bigint);
        c.Write(row.Category.ToString(), NpgsqlDbType.Text);
        c.Write(row.PowerId, NpgsqlDbType.Bigint);
        c.Write(row.FiledOn, NpgsqlDbType.Date);
        Write(row.Procedure?.ToString(), NpgsqlDbType.Text);
        Write(row.PartyType?.ToString(), NpgsqlDbType.Text);
        Write(row.PartyName, NpgsqlDbType.Text);
        Write(row.PartyCreditCode, NpgsqlDbType.Text);
        Write(row.FineFen, NpgsqlDbType.Bigint);
        Write(row.DecidedOn, NpgsqlDbType.Date);
        Write(row.PublishedOn, NpgsqlDbType.Date);
        Write(row.ClosedOn, NpgsqlDbType.Date);
        Write(row.Outcome, NpgsqlDbType.Text);
        c.Write(row.OfficerIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        return Task.CompletedTask;
    }

    public async Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        await _copy!.CompleteAsync();
        await _copy.DisposeAsync();
        _copy = null;
        await ExecAsync("CREATE INDEX ON import_cases (number); ANALYZE import_cases");

        await ReportAsync("SELECT line, number FROM (SELECT line, number, row_number() OVER (PARTITION BY number ORDER BY line) AS rn FROM import_cases) x WHERE rn > 1 ORDER BY line",
            n => $"案件编号\"{n}\"在本次导入中重复出现");
        long existing;
        await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM import_cases i JOIN cases c ON c.number = i.number", _conn, _tx))
            existing = (long)(await cmd.ExecuteScalarAsync())!;
        if (!_upsert && existing > 0)
            await ReportAsync("SELECT i.line, i.number FROM import_cases i JOIN cases c ON c.number = i.number ORDER BY i.line",
                n => $"案件编号\"{n}\"已存在;如需更新请使用 --upsert");
        if (!write || _errors.Count > 0)
            return (0, 0);

        if (existing > 0)
            await ExecAsync("DELETE FROM case_officers co USING cases c, import_cases i WHERE co.case_id = c.id AND c.number = i.number");
        var conflict = existing > 0
            ? " ON CONFLICT (number) DO UPDATE SET agency_id=excluded.agency_id, category=excluded.category, power_id=excluded.power_id, filed_on=excluded.filed_on, procedure=excluded.procedure, party_type=excluded.party_type, party_name=excluded.party_name, party_credit_code=excluded.party_credit_code, fine_fen=excluded.fine_fen, decided_on=excluded.decided_on, published_on=excluded.published_on, closed_on=excluded.closed_on, outcome=excluded.outcome"
            : "";
        var total = await ExecAsync($"INSERT INTO cases ({Columns}, extension_days) SELECT {Columns}, 0 FROM import_cases ORDER BY line{conflict}");
        await ExecAsync("INSERT INTO case_officers (case_id, officer_id, filed_on) SELECT c.id, o.officer_id, i.filed_on FROM import_cases i JOIN cases c ON c.number = i.number CROSS JOIN LATERAL unnest(i.officer_ids) AS o(officer_id)");
        // Fresh planner statistics, so the first report after a large load does not plan on an empty table's numbers.
        await ExecAsync("ANALYZE cases; ANALYZE case_officers");
        return (total - existing, existing);
    }

    private async Task ReportAsync(string sql, Func<string, string> reason)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn, _tx);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            _errors.Report(new ImportError(_fileName, r.GetInt64(0), "案件编号", reason(r.GetString(1))));
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
            await _copy.DisposeAsync();
    }
}
