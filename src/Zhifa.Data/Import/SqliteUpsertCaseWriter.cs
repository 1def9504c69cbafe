using Microsoft.Data.Sqlite;

namespace Zhifa.Data.Import;

/// <summary>
/// <c>--upsert</c> on SQLite: each checked row is inserted or, when its number is stored, updated (its officer
/// links replaced), row by row inside the import's transaction. A plain import uses
/// <see cref="SqliteBatchCaseWriter"/>. A number repeated within the run is refused: which row wins would be a guess.
/// </summary>
internal sealed class SqliteUpsertCaseWriter : ICaseWriter
{
    private const string Columns =
        "number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, fine_fen, decided_on, published_on, closed_on, outcome, extension_days";

    private const string Values =
        "@number, @agency, @category, @power, @filed, @procedure, @partyType, @partyName, @credit, @fine, @decided, @published, @closed, @outcome, 0";

    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _link;
    private readonly SqliteCommand _unlink;
    private readonly SqliteParameter[] _p;
    private readonly long _maxIdBefore;
    private readonly IImportErrorSink _errors;
    private readonly HashSet<long> _updatedExisting = [];
    private long _inserted, _updated, _lastInsertedId;

    public SqliteUpsertCaseWriter(SqliteConnection conn, SqliteTransaction tx, IImportErrorSink errors)
    {
        _errors = errors;
        using (var max = conn.CreateCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT coalesce(max(id), 0) FROM cases";
            _maxIdBefore = (long)max.ExecuteScalar()!;
        }
        _insert = conn.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText =
            $"INSERT INTO cases ({Columns}) VALUES ({Values}) ON CONFLICT(number) DO UPDATE SET agency_id=excluded.agency_id, category=excluded.category, power_id=excluded.power_id, filed_on=excluded.filed_on, procedure=excluded.procedure, party_type=excluded.party_type, party_name=excluded.party_name, party_credit_code=excluded.party_credit_code, fine_fen=excluded.fine_fen, decided_on=excluded.decided_on, published_on=excluded.published_on, closed_on=excluded.closed_on, outcome=excluded.outcome RETURNING id";
        string[] names = ["@number", "@agency", "@category", "@power", "@filed", "@procedure", "@partyType", "@partyName", "@credit", "@fine", "@decided", "@published", "@closed", "@outcome"];
        _p = names.Select(n => _insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        _insert.Prepare();

        _link = conn.CreateCommand();
        _link.Transaction = tx;
        _link.CommandText = "INSERT INTO case_officers (case_id, officer_id, filed_on) VALUES (@c, @o, @f)";
        _link.Parameters.Add(new SqliteParameter("@c", 0L));
        _link.Parameters.Add(new SqliteParameter("@o", 0L));
        _link.Parameters.Add(new SqliteParameter("@f", ""));
        _link.Prepare();

        _unlink = conn.CreateCommand();
        _unlink.Transaction = tx;
        _unlink.CommandText = "DELETE FROM case_officers WHERE case_id = @c";
        _unlink.Parameters.Add(new SqliteParameter("@c", 0L));
    }

    private static object Db(object? v) => v ?? DBNull.Value;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Task WriteAsync(CaseRow row, string fileName)
    {
        _p[0].Value = row.Number;
        _p[1].Value = row.AgencyId;
        _p[2].Value = row.Category.ToString();
        _p[3].Value = row.PowerId;
        _p[4].Value = Iso(row.FiledOn);
        _p[5].Value = Db(row.Procedure?.ToString());
        _p[6].Value = Db(row.PartyType?.ToString());
        _p[7].Value = Db(row.PartyName);
        _p[8].Value = Db(row.PartyCreditCode);
        _p[9].Value = Db(row.FineFen);
        _p[10].Value = row.DecidedOn is { } d ? Iso(d) : DBNull.Value;
        _p[11].Value = row.PublishedOn is { } p ? Iso(p) : DBNull.Value;
        _p[12].Value = row.ClosedOn is { } c ? Iso(c) : DBNull.Value;
        _p[13].Value = Db(row.Outcome);
        var id = (long)_insert.ExecuteScalar()!;
        if (id <= _maxIdBefore)
        {
            // an upsert of a stored case: a second row for the same case in this run would be ambiguous
            if (!_updatedExisting.Add(id))
            {
                _errors.Report(new ImportError(fileName, row.Line, "案件编号", $"案件编号\"{row.Number}\"在本次导入中重复出现"));
                return Task.CompletedTask;
            }
            _unlink.Parameters[0].Value = id;
            _unlink.ExecuteNonQuery();
            _updated++;
        }
        else if (id <= _lastInsertedId)
        {
            // A repeat of a row inserted earlier in this run comes back as an update of that row: SQLite hands
            // out increasing ids, so an id not above the last one handed out was inserted before.
            _errors.Report(new ImportError(fileName, row.Line, "案件编号", $"案件编号\"{row.Number}\"在本次导入中重复出现"));
            return Task.CompletedTask;
        }
        else
        {
            _lastInsertedId = id;
            _inserted++;
        }
        _link.Parameters[0].Value = id;
        _link.Parameters[2].Value = Iso(row.FiledOn);
        foreach (var officer in row.OfficerIds)
        {
            _link.Parameters[1].Value = officer;
            _link.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task<(long Inserted, long Updated)> FinishAsync(bool write) => Task.FromResult((_inserted, _updated));

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _link.Dispose();
        _unlink.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal interface ICaseWriter : IAsyncDisposable
{
    Task WriteAsync(CaseRow row, string fileName);

    /// <summary>
    /// True when <see cref="WriteAsync"/> only encodes the row for the database server's own process to store, so
    /// the reading thread may as well call it (ExchangeImporter.CasePassAsync); false when it stores the row here.
    /// </summary>
    bool OnlyEncodes => false;

    /// <summary>Ends the file; a staging writer checks duplicates and, when <paramref name="write"/>, stores the rows.</summary>
    Task<(long Inserted, long Updated)> FinishAsync(bool write);
}
