using System.Threading.Channels;
using Npgsql;
using Zhifa.Data.Publicity;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;

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
/// <para>
/// In a bulk load (<see cref="BulkLoadSchema"/>, which has already taken off the foreign keys that point at
/// <c>cases</c>) the unique indexes of the three tables — the primary keys, the case number, the search row's case — are dropped after the
/// savepoint too, and built again from their own definitions before it is released: a sorted build after the load
/// costs about a third of inserting 600,000 cases and 1.4 million links into live b-trees, each entry with its own
/// WAL record (docs/performance.md). A duplicate number then surfaces when the unique index is built, with the same
/// unique violation, and takes the same way back; rolling back to the savepoint also restores what was dropped.
/// Ids cannot collide meanwhile: they are handed out here, under the table lock.
/// </para>
/// </summary>
internal sealed class PostgresDirectCaseWriter : ICaseWriter
{
    private const string Savepoint = "zhifa_direct_copy";
    private const string Columns =
        "id, number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome, extension_days";
    private const string PublishedColumns =
        "sort_key, case_id, agency_id, number, decided_on, published_on, party_type, party_credit_code, fine_fen, outcome, search_text, party_grams";
    private const int ChunkRows = 16_384;
    private const int FirstChunkRows = 1_024;
    private const int ChunksInFlight = 3;

    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly Channel<Chunk> _full = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
    private readonly Channel<Chunk> _empty = Channel.CreateUnbounded<Chunk>();
    private readonly Task _sender;
    private Chunk _chunk;
    private Exception? _failure;
    private readonly IReadOnlyList<string> _uniqueRebuild;
    private long _nextId, _inserted;

    /// <summary>Rows are encoded here and stored by the server, fed by the sender task.</summary>
    public bool OnlyEncodes => true;

    /// <summary>The rows written to <c>published_decisions</c> with the cases (<see cref="AddPublished"/>).</summary>
    public long Published { get; private set; }
    /// <summary>
    /// The rows of the chunk being filled: the first chunks are small and each is twice the one before, up to
    /// <see cref="ChunkRows"/>, so the server starts storing while the importer's code is still being compiled
    /// rather than waiting for a whole chunk of the slowest rows.
    /// </summary>
    private int _chunkRows = FirstChunkRows;

    private PostgresDirectCaseWriter(NpgsqlConnection conn, NpgsqlTransaction tx, long nextId, IReadOnlyList<string> uniqueRebuild)
    {
        _conn = conn;
        _tx = tx;
        _nextId = nextId;
        _uniqueRebuild = uniqueRebuild;
        for (var i = 0; i < ChunksInFlight + 1; i++)
            _empty.Writer.TryWrite(new Chunk());
        _empty.Reader.TryRead(out _chunk!);
        _chunk.Start();
        _sender = Task.Run(SendAsync);
    }

    /// <param name="bulk">a bulk load: the primary keys of both tables and the unique number index are built after the COPY</param>
    public static async Task<PostgresDirectCaseWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx, bool bulk)
    {
        // Writers elsewhere wait for the import; readers do not. Ids are then ours to hand out.
        await using (var lockCmd = new NpgsqlCommand($"LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE; SAVEPOINT {Savepoint}", conn, tx))
            await lockCmd.ExecuteNonQueryAsync();
        await using var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM cases", conn, tx); // while the key's index is there
        var nextId = (long)(await max.ExecuteScalarAsync())! + 1;
        var rebuild = bulk ? await DropUniqueIndexesAsync(conn, tx) : [];
        return new PostgresDirectCaseWriter(conn, tx, nextId, rebuild);
    }

    /// <summary>
    /// Drops the unique indexes and primary keys of <c>cases</c>, <c>case_officers</c> and <c>published_decisions</c>
    /// (whose rows this writer copies too: 25,000 decisions cost the COPY 0.06–0.1 s more with its two unique indexes
    /// live, against 0.02 s to build them); returns the statements that build them again, the primary keys first.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropUniqueIndexesAsync(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var drop = new List<string>();
        var rebuild = new List<string>();
        await using (var query = new NpgsqlCommand(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), c.conname, i.indrelid::regclass::text, pg_get_constraintdef(c.oid) " +
            "FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u') " +
            "WHERE i.indisunique AND i.indrelid IN ('cases'::regclass, 'case_officers'::regclass, 'published_decisions'::regclass) ORDER BY i.indisprimary DESC, 1",
            conn, tx))
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                if (reader.IsDBNull(2))
                {
                    drop.Add($"DROP INDEX {reader.GetString(0)}");
                    rebuild.Add(reader.GetString(1));
                }
                else
                {
                    drop.Add($"ALTER TABLE {reader.GetString(3)} DROP CONSTRAINT \"{reader.GetString(2)}\"");
                    rebuild.Add($"ALTER TABLE {reader.GetString(3)} ADD CONSTRAINT \"{reader.GetString(2)}\" {reader.GetString(4)}");
                }
        await using var cmd = new NpgsqlCommand(string.Join("; ", drop.Prepend("SET LOCAL maintenance_work_mem = '256MB'")), conn, tx);
        await cmd.ExecuteNonQueryAsync();
        return rebuild;
    }

    public static Task RollBackAsync(NpgsqlConnection conn, NpgsqlTransaction tx) =>
        new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}", conn, tx).ExecuteNonQueryAsync();

    public async Task WriteAsync(CaseRow row, string fileName)
    {
        var id = _nextId++;
        var c = _chunk.Cases.Row(16);
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
        // In key order, (case_id, officer_id): the rebuild of the links' primary key then finds its input already
        // sorted, which its sort checks first (0.1 s of the server's 0.5 s at 1.4 million links). Readers order the
        // officers themselves; the file's order of them carries no meaning.
        row.OfficerIds.Sort();
        foreach (var officer in row.OfficerIds)
        {
            var link = _chunk.Links.Row(3);
            link.Int64(id);
            link.Int64(officer);
            link.Date(row.FiledOn);
        }
        if (row is { Category: PowerCategory.Penalty, Procedure: ProcedureType.General, DecidedOn: { } decided, PublishedOn: { } published })
            AddPublished(id, row, decided, published);
        _inserted++;
        if (_chunk.Cases.Rows == _chunkRows)
        {
            _chunkRows = Math.Min(_chunkRows * 2, ChunkRows);
            await HandOverAsync();
        }
    }

    /// <summary>
    /// The case's row of the public search's table (ADR-011), the same row <see cref="PublishedDecisions.AddImportedAsync"/>
    /// would select from <c>cases</c> after the load: built here, it travels in the chunk's third COPY, and the server
    /// neither reads the new cases again nor runs <c>zhifa_party_grams</c> once per decision at the end of the import. A
    /// new case has no withdrawal (<c>publication_withdrawals</c> refers to stored cases only).
    /// </summary>
    private void AddPublished(long id, CaseRow row, DateOnly decided, DateOnly published)
    {
        var organisation = row.PartyType is PartyType.LegalPerson or PartyType.OtherOrganisation;
        var text = PublishedDecisions.SearchText(organisation, row.PartyName);
        var p = _chunk.Published.Row(12);
        p.Int64(PublishedDecisions.SortKey(decided, id));
        p.Int64(id);
        p.Int64(row.AgencyId);
        p.Text(row.Number);
        p.Date(decided);
        p.Date(published);
        p.Text(row.PartyType is { } party ? Parties[(int)party] : null);
        p.Text(organisation ? row.PartyCreditCode : null);
        p.Int64(row.FineFen);
        p.Text(row.Outcome);
        p.Text(text);
        p.Text(PublishedDecisions.Grams(text));
        Published++;
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
                foreach (var part in chunk.Parts)
                    if (part.Rows > 0)
                        await CopyAsync(part.Command, part.Bytes);
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

    /// <summary>
    /// The statistics the queries' plans need at once: the columns that statistics, lists and alerts filter, group and
    /// join on. The free-text columns (number — unique, so its index tells the planner enough —, party name and credit
    /// code, outcome) are left out: sorting 30,000 sampled strings per column is most of a full ANALYZE's cost. An
    /// ANALYZE with a column list does not reset the table's count of changed rows, so autovacuum still analyzes the
    /// whole table soon after the commit, off the import's path (<see cref="BulkLoadSchema.FirstStatistics"/>); the
    /// links name their three columns for the same reason.
    /// </summary>
    private const string AnalyzeCases =
        "ANALYZE cases (agency_id, category, power_id, filed_on, procedure, party_type, fine_fen, decided_on, published_on, closed_on, extension_days)";

    // Enum names as stored, without Enum.ToString on every row.
    private static readonly string[] Categories = Enum.GetNames<PowerCategory>();
    private static readonly string[] Procedures = Enum.GetNames<ProcedureType>();
    private static readonly string[] Parties = Enum.GetNames<PartyType>();

    public async Task<(long Inserted, long Updated)> FinishAsync(bool write)
    {
        if (_chunk.Cases.Rows > 0)
            await HandOverAsync();
        _full.Writer.TryComplete();
        await _sender; // a duplicate number surfaces here as DuplicateCaseNumberException
        if (!write)
            return (0, 0);
        foreach (var statement in _uniqueRebuild)
        {
            await using var build = new NpgsqlCommand(statement, _conn, _tx) { CommandTimeout = 0 };
            try
            {
                await build.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new DuplicateCaseNumberException(e); // … or here, when the unique index is built
            }
        }
        await using var cmd = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases)); RELEASE SAVEPOINT {Savepoint}; {BulkLoadSchema.FirstStatistics}; {AnalyzeCases}; ANALYZE case_officers (case_id, officer_id, filed_on)",
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

    /// <summary>One chunk: its cases, their links and their published decisions, each a part of its own.</summary>
    private sealed class Chunk
    {
        public readonly CopyPart Cases = new($"COPY cases ({Columns}) FROM STDIN (FORMAT BINARY)", ChunkRows * 200);
        public readonly CopyPart Links = new("COPY case_officers (case_id, officer_id, filed_on) FROM STDIN (FORMAT BINARY)", ChunkRows * 3 * 40);
        public readonly CopyPart Published = new($"COPY published_decisions ({PublishedColumns}) FROM STDIN (FORMAT BINARY)", ChunkRows * 20);

        /// <summary>In the order the sender copies them: a link's case, and a search row's case, come first.</summary>
        public IEnumerable<CopyPart> Parts => [Cases, Links, Published];

        public void Start()
        {
            foreach (var part in Parts)
                part.Start();
        }

        public void End()
        {
            foreach (var part in Parts)
                part.End();
        }
    }

    /// <summary>One table's part of a chunk: a complete binary COPY stream (header, rows, trailer) and the statement that copies it.</summary>
    private sealed class CopyPart
    {
        private readonly MemoryStream _bytes;
        private readonly PgBinaryCopyWriter _writer;
        public readonly string Command;
        public int Rows { get; private set; }

        public CopyPart(string command, int capacity)
        {
            Command = command;
            _bytes = new MemoryStream(capacity);
            _writer = new PgBinaryCopyWriter(_bytes);
        }

        public ReadOnlyMemory<byte> Bytes => _bytes.GetBuffer().AsMemory(0, (int)_bytes.Length);

        /// <summary>Starts a row of <paramref name="fields"/> fields; its values follow on the writer returned.</summary>
        public PgBinaryCopyWriter Row(short fields)
        {
            Rows++;
            _writer.StartRow(fields);
            return _writer;
        }

        public void Start()
        {
            _bytes.SetLength(0);
            Rows = 0;
            _writer.Header();
        }

        public void End() => _writer.Trailer();
    }
}
