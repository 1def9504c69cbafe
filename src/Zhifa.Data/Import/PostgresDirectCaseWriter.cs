using System.Threading.Channels;
using Npgsql;

namespace Zhifa.Data.Import;

/// <summary>The unique index on the case number refused a row of a direct COPY; the run falls back to staging.</summary>
internal sealed class DuplicateCaseNumberException(Exception inner) : Exception("duplicate case number in direct COPY", inner);

/// <summary>
/// The fast PostgreSQL path for a plain (no upsert) import: rows are copied straight into <c>cases</c> with ids
/// handed out under a table lock, and their officer links into <c>case_officers</c>.
/// <para>
/// The rows travel in chunks: the caller encodes a chunk of cases and its links in COPY's binary form in memory, and
/// a sender task copies each finished chunk in — one COPY for its cases, then one for its links (a connection runs one
/// COPY at a time). While the server stores one chunk, the importer's threads read, check and encode the next ones,
/// so the client's work and the server's overlap instead of taking turns; a few chunks in flight bound the memory.
/// </para>
/// A duplicate case number stops a COPY with a unique violation; the importer then rolls back to the savepoint taken
/// here and runs the staging path (<see cref="PostgresCaseWriter"/>), which names every duplicate.
/// </summary>
internal sealed class PostgresDirectCaseWriter : ICaseWriter
{
    private const string Savepoint = "zhifa_direct_copy";
    private const string Columns =
        "id, number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome, extension_days";
    private const int ChunkRows = 16_384;
    private const int ChunksInFlight = 3;

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly Channel<Chunk> _full = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
    private readonly Channel<Chunk> _empty = Channel.CreateUnbounded<Chunk>();
    private readonly Task _sender;
    private Chunk _chunk;
    private Exception? _failure;
    private long _nextId, _inserted;

    private PostgresDirectCaseWriter(NpgsqlConnection conn, NpgsqlTransaction tx, long nextId)
    {
        _conn = conn;
        _tx = tx;
        _nextId = nextId;
        for (var i = 0; i < ChunksInFlight + 1; i++)
            _empty.Writer.TryWrite(new Chunk());
        _empty.Reader.TryRead(out _chunk!);
        _chunk.Start();
        _sender = Task.Run(SendAsync);
    }

    public static async Task<PostgresDirectCaseWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        // Writers elsewhere wait for the import; readers do not. Ids are then ours to hand out.
        await using (var lockCmd = new NpgsqlCommand($"LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE; SAVEPOINT {Savepoint}", conn, tx))
            await lockCmd.ExecuteNonQueryAsync();
        await using var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM cases", conn, tx);
        return new PostgresDirectCaseWriter(conn, tx, (long)(await max.ExecuteScalarAsync())! + 1);
    }

    public static Task RollBackAsync(NpgsqlConnection conn, NpgsqlTransaction tx) =>
        new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}", conn, tx).ExecuteNonQueryAsync();

    public async Task WriteAsync(CaseRow row, string fileName)
    {
        var id = _nextId++;
        var c = _chunk.Cases;
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
        var links = _chunk.Links;
        foreach (var officer in row.OfficerIds)
        {
            links.StartRow(3);
            links.Int64(id);
            links.Int64(officer);
            links.Date(row.FiledOn);
        }
        _inserted++;
        if (++_chunk.Rows == ChunkRows)
            await HandOverAsync();
    }

    /// <summary>Queues the current chunk for the sender and takes an empty one; a failed sender stops the import here.</summary>
    private async Task HandOverAsync()
    {
        _chunk.End();
        try
        {
            await _full.Writer.WriteAsync(_chunk);
            _chunk = await _empty.Reader.ReadAsync();
        }
        catch (ChannelClosedException)
        {
            await _sender; // rethrows the sender's failure
            throw;
        }
        _chunk.Start();
    }

    private async Task SendAsync()
    {
        try
        {
            await foreach (var chunk in _full.Reader.ReadAllAsync())
            {
                await CopyAsync($"COPY cases ({Columns}) FROM STDIN (FORMAT BINARY)", chunk.CasesBytes);
                await CopyAsync("COPY case_officers (case_id, officer_id, filed_on) FROM STDIN (FORMAT BINARY)", chunk.LinksBytes);
                _empty.Writer.TryWrite(chunk);
            }
        }
        catch (Exception e)
        {
            _failure = e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } ? new DuplicateCaseNumberException(e) : e;
            _full.Writer.TryComplete(); // the caller's next hand-over fails instead of waiting
            _empty.Writer.TryComplete();
            throw _failure;
        }
    }

    private async Task CopyAsync(string command, ReadOnlyMemory<byte> data)
    {
        await using var copy = await _conn.BeginRawBinaryCopyAsync(command);
        await copy.WriteAsync(data); // disposing ends the COPY: the server answers with its outcome
    }

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly string[] Categories = Enum.GetNames<Zhifa.Domain.Catalog.PowerCategory>();
    private static readonly string[] Procedures = Enum.GetNames<Zhifa.Domain.Cases.ProcedureType>();
    private static readonly string[] Parties = Enum.GetNames<Zhifa.Domain.Cases.PartyType>();

    public async Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        if (_chunk.Rows > 0)
            await HandOverAsync();
        _full.Writer.TryComplete();
        await _sender; // a duplicate number surfaces here as DuplicateCaseNumberException
        if (!write)
            return (0, 0);
        await using var cmd = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases)); RELEASE SAVEPOINT {Savepoint}; ANALYZE cases; ANALYZE case_officers",
            _conn, _tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
        return (_inserted, 0);
    }

    public async ValueTask DisposeAsync()
    {
        _full.Writer.TryComplete();
        try
        {
            await _sender; // nothing may use the connection after this writer is gone
        }
        catch (Exception) when (_failure is not null)
        {
            // reported through WriteAsync or FinishAsync
        }
    }

    /// <summary>One chunk of cases and their links, each a complete binary COPY stream (header, rows, trailer).</summary>
    private sealed class Chunk
    {
        private readonly MemoryStream _cases = new(ChunkRows * 200), _links = new(ChunkRows * 3 * 40);
        public readonly PgBinaryCopyWriter Cases, Links;
        public int Rows;

        public Chunk()
        {
            Cases = new PgBinaryCopyWriter(_cases);
            Links = new PgBinaryCopyWriter(_links);
        }

        public ReadOnlyMemory<byte> CasesBytes => _cases.GetBuffer().AsMemory(0, (int)_cases.Length);
        public ReadOnlyMemory<byte> LinksBytes => _links.GetBuffer().AsMemory(0, (int)_links.Length);

        public void Start()
        {
            _cases.SetLength(0);
            _links.SetLength(0);
            Rows = 0;
            Cases.Header();
            Links.Header();
        }

        public void End()
        {
            Cases.Trailer();
            Links.Trailer();
        }
    }
}
