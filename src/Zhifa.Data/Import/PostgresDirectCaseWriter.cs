using Npgsql;

namespace Zhifa.Data.Import;

/// <summary>The unique index on the case number refused a row of a direct COPY; the run falls back to staging.</summary>
internal sealed class DuplicateCaseNumberException(Exception inner) : Exception("duplicate case number in direct COPY", inner);

/// <summary>
/// The fast PostgreSQL path for a plain (no upsert) import: rows are copied straight into <c>cases</c> with ids
/// handed out under a table lock, and their officer links are spilled to a temporary file and copied into
/// <c>case_officers</c> afterwards (one COPY at a time per connection). A duplicate case number stops the COPY
/// with a unique violation; the importer then rolls back to the savepoint taken here and runs the staging path
/// (<see cref="PostgresCaseWriter"/>), which names every duplicate.
/// </summary>
internal sealed class PostgresDirectCaseWriter : ICaseWriter
{
    private const string Savepoint = "zhifa_direct_copy";
    private const string Columns =
        "id, number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome, extension_days";

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly FileStream _spillFile;
    private readonly PgBinaryCopyWriter _spill;
    private NpgsqlRawCopyStream? _copyStream;
    private PgBinaryCopyWriter _copy = null!;
    private Exception? _failure;
    private long _nextId, _inserted;

    private PostgresDirectCaseWriter(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        _conn = conn;
        _tx = tx;
        // The links are spilled already in COPY's binary form, so copying them in is one stream copy.
        _spillFile = new FileStream(Path.Combine(Path.GetTempPath(), $"zhifa-links-{Guid.NewGuid():N}.bin"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        _spill = new PgBinaryCopyWriter(_spillFile);
        _spill.Header();
    }

    public static async Task<PostgresDirectCaseWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var w = new PostgresDirectCaseWriter(conn, tx);
        // Writers elsewhere wait for the import; readers do not. Ids are then ours to hand out.
        await w.ExecAsync($"LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE; SAVEPOINT {Savepoint}");
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM cases", conn, tx))
            w._nextId = (long)(await max.ExecuteScalarAsync())! + 1;
        w._copyStream = await conn.BeginRawBinaryCopyAsync($"COPY cases ({Columns}) FROM STDIN (FORMAT BINARY)");
        w._copy = new PgBinaryCopyWriter(w._copyStream);
        w._copy.Header();
        return w;
    }

    public static Task RollBackAsync(NpgsqlConnection conn, NpgsqlTransaction tx) =>
        new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}", conn, tx).ExecuteNonQueryAsync();

    private async Task ExecAsync(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn, _tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public Task WriteAsync(CaseRow row, string fileName)
    {
        var id = _nextId++;
        var c = _copy; // a duplicate number is reported by the server when the COPY ends (FinishAsync)
        c.StartRow(16);
        c.Int64(id);
        c.Text(row.Number);
        c.Int64(row.AgencyId);
        c.Text(Categories[(int)row.Category]);
        c.Int64(row.PowerId);
        c.Date(row.FiledOn);
        c.Text(row.Procedure is { } procedure ? Procedures[(int)procedure] : null);
        c.Text(row.PartyType is { } party ? Parties[(int)party] : null);
        c.Text(row.PartyName);
        c.Text(row.PartyCreditCode);
        c.Int64(row.FineFen);
        c.Date(row.DecidedOn);
        c.Date(row.PublishedOn);
        c.Date(row.ClosedOn);
        c.Text(row.Outcome);
        c.Int32(0);
        _inserted++;
        foreach (var officer in row.OfficerIds)
        {
            _spill.StartRow(3);
            _spill.Int64(id);
            _spill.Int64(officer);
            _spill.Date(row.FiledOn);
        }
        return Task.CompletedTask;
    }

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly string[] Categories = Enum.GetNames<Zhifa.Domain.Catalog.PowerCategory>();
    private static readonly string[] Procedures = Enum.GetNames<Zhifa.Domain.Cases.ProcedureType>();
    private static readonly string[] Parties = Enum.GetNames<Zhifa.Domain.Cases.PartyType>();

    public async Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        try
        {
            _copy.Trailer();
            await _copyStream!.DisposeAsync(); // CopyDone: the server answers with the outcome
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            _failure = e;
        }
        finally
        {
            _copyStream = null; // ended either way
        }
        if (_failure is not null)
            throw new DuplicateCaseNumberException(_failure);
        if (!write)
            return (0, 0);

        _spill.Trailer();
        _spillFile.Position = 0;
        await using (var links = await _conn.BeginRawBinaryCopyAsync("COPY case_officers (case_id, officer_id, filed_on) FROM STDIN (FORMAT BINARY)"))
            await _spillFile.CopyToAsync(links);
        await ExecAsync($"SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases)); RELEASE SAVEPOINT {Savepoint}; ANALYZE cases; ANALYZE case_officers");
        return (_inserted, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copyStream is not null)
        {
            await _copyStream.CancelAsync();
            await _copyStream.DisposeAsync();
        }
        await _spillFile.DisposeAsync();
    }
}
