using Npgsql;
using NpgsqlTypes;

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

    private const int LinkBytes = 8 + 8 + 4; // case id, officer id, filing day number, as spilled by WriteAsync

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly string _spillPath = Path.Combine(Path.GetTempPath(), $"zhifa-links-{Guid.NewGuid():N}.bin");
    private readonly BinaryWriter _spill;
    private NpgsqlBinaryImporter? _copy;
    private Exception? _failure;
    private long _nextId, _inserted;

    private PostgresDirectCaseWriter(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        _conn = conn;
        _tx = tx;
        _spill = new BinaryWriter(new FileStream(_spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.SequentialScan));
    }

    public static async Task<PostgresDirectCaseWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var w = new PostgresDirectCaseWriter(conn, tx);
        // Writers elsewhere wait for the import; readers do not. Ids are then ours to hand out.
        await w.ExecAsync($"LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE; SAVEPOINT {Savepoint}");
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM cases", conn, tx))
            w._nextId = (long)(await max.ExecuteScalarAsync())! + 1;
        w._copy = await conn.BeginBinaryImportAsync($"COPY cases ({Columns}) FROM STDIN (FORMAT BINARY)");
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
        if (_failure is not null)
            return Task.CompletedTask;
        var id = _nextId++;
        try
        {
            var c = _copy!;
            c.StartRow();
            c.Write(id, NpgsqlDbType.Bigint);
            c.Write(row.Number, NpgsqlDbType.Text);
            c.Write(row.AgencyId, NpgsqlDbType.Bigint);
            c.Write(Categories[(int)row.Category], NpgsqlDbType.Text);
            c.Write(row.PowerId, NpgsqlDbType.Bigint);
            c.Write(row.FiledOn, NpgsqlDbType.Date);
            WriteNullable(c, row.Procedure is { } procedure ? Procedures[(int)procedure] : null);
            WriteNullable(c, row.PartyType is { } party ? Parties[(int)party] : null);
            WriteNullable(c, row.PartyName);
            WriteNullable(c, row.PartyCreditCode);
            if (row.FineFen is { } fine) c.Write(fine, NpgsqlDbType.Bigint); else c.WriteNull();
            WriteDate(c, row.DecidedOn);
            WriteDate(c, row.PublishedOn);
            WriteDate(c, row.ClosedOn);
            WriteNullable(c, row.Outcome);
            c.Write(0, NpgsqlDbType.Integer);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            _failure = e;
            return Task.CompletedTask;
        }
        _inserted++;
        var day = row.FiledOn.DayNumber;
        foreach (var officer in row.OfficerIds)
        {
            _spill.Write(id);
            _spill.Write(officer);
            _spill.Write(day);
        }
        return Task.CompletedTask;
    }

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly string[] Categories = Enum.GetNames<Zhifa.Domain.Catalog.PowerCategory>();
    private static readonly string[] Procedures = Enum.GetNames<Zhifa.Domain.Cases.ProcedureType>();
    private static readonly string[] Parties = Enum.GetNames<Zhifa.Domain.Cases.PartyType>();

    private static void WriteNullable(NpgsqlBinaryImporter c, string? v)
    {
        if (v is null) c.WriteNull(); else c.Write(v, NpgsqlDbType.Text);
    }

    private static void WriteDate(NpgsqlBinaryImporter c, DateOnly? v)
    {
        if (v is { } d) c.Write(d, NpgsqlDbType.Date); else c.WriteNull();
    }

    public async Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        try
        {
            if (_failure is null)
                await _copy!.CompleteAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            _failure = e;
        }
        await _copy!.DisposeAsync();
        _copy = null;
        if (_failure is not null)
            throw new DuplicateCaseNumberException(_failure);
        if (!write)
            return (0, 0);

        _spill.Flush();
        var stream = _spill.BaseStream;
        stream.Position = 0;
        using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        await using (var links = await _conn.BeginBinaryImportAsync("COPY case_officers (case_id, officer_id, filed_on) FROM STDIN (FORMAT BINARY)"))
        {
            // Synchronous writes: the importer buffers and flushes on its own; an await per value costs more than the value.
            for (var remaining = stream.Length / LinkBytes; remaining > 0; remaining--)
            {
                links.StartRow();
                links.Write(reader.ReadInt64(), NpgsqlDbType.Bigint);
                links.Write(reader.ReadInt64(), NpgsqlDbType.Bigint);
                links.Write(DateOnly.FromDayNumber(reader.ReadInt32()), NpgsqlDbType.Date);
            }
            await links.CompleteAsync();
        }
        await ExecAsync($"SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases)); RELEASE SAVEPOINT {Savepoint}; ANALYZE cases; ANALYZE case_officers");
        return (_inserted, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
            await _copy.DisposeAsync();
        _spill.Dispose();
    }
}
