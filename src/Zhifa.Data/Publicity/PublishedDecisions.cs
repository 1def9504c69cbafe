using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

/// <summary>
/// A row of <c>published_decisions</c> (ADR-011): a published, not withdrawn general-procedure penalty decision, with
/// what the public search filters on. Whether it is shown today (publication period) is decided when searching, from
/// <see cref="PublishedOn"/>, <see cref="PartyType"/>, <see cref="FineFen"/> and <see cref="Outcome"/>, so a changed
/// small-fine amount in the configuration needs no rebuild.
/// </summary>
public sealed class PublishedDecisionRow
{
    /// <summary>The portal's order as one number: <see cref="PublishedDecisions.SortKey"/>.</summary>
    public long SortKey { get; set; }
    public long CaseId { get; set; }
    public long AgencyId { get; set; }
    public string Number { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    public DateOnly PublishedOn { get; set; }
    public string? PartyType { get; set; }
    /// <summary>An organisation's credit code (searchable exactly); never a natural person's.</summary>
    public string? PartyCreditCode { get; set; }
    public long? FineFen { get; set; }
    public string? Outcome { get; set; }
    /// <summary>What a party search may find: an organisation's name, a natural person's visible surname only.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>The characters and character pairs of <see cref="SearchText"/>, space-separated: <see cref="PublishedDecisions.Grams"/>.</summary>
    public string PartyGrams { get; set; } = "";
}

/// <summary>
/// Keeps <c>published_decisions</c> equal to what the case table says is published: every writer that changes a case's
/// publication (its publication date, a withdrawal, an import) calls one of these in its own transaction. All of them
/// run one set-based INSERT … SELECT from <c>cases</c>, the same on both engines.
/// </summary>
public static class PublishedDecisions
{
    /// <summary>2^32: case ids stay below it, so the sort key orders by decision date, then case id.</summary>
    private const long DayStride = 4_294_967_296;

    private const string Organisation = "c.party_type IN ('LegalPerson', 'OtherOrganisation')";

    /// <summary>
    /// The portal lists newest decisions first, ties by case id: one integer in that order lets the SQLite full-text
    /// index (which returns rows by rowid) and a plain primary key walk give the portal's order without a sort.
    /// </summary>
    public static long SortKey(DateOnly decidedOn, long caseId) => Days(decidedOn) * DayStride + caseId;

    /// <summary>The smallest sort key of a decision made on <paramref name="day"/>.</summary>
    public static long FirstSortKeyOf(DateOnly day) => Days(day) * DayStride;

    private static long Days(DateOnly day) => day.DayNumber - new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>
    /// Every character and every pair of neighbouring characters (by Unicode scalar), space-separated, position by
    /// position: 鑫盛商 → "鑫 鑫盛 盛 盛商 商". Both search indexes are built on it: any substring of one or two characters
    /// is a gram, a longer one contains all its pairs (the match is then confirmed on <c>search_text</c>).
    /// <c>zhifa_party_grams</c> is the same function in SQL (V008, PostgreSQL) and registered for SQLite connections.
    /// </summary>
    public static string Grams(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var sb = new StringBuilder(text.Length * 4);
        for (var i = 0; i < runes.Count; i++)
        {
            if (i > 0)
                sb.Append(' ');
            sb.Append(runes[i]);
            if (i + 1 < runes.Count)
                sb.Append(' ').Append(runes[i]).Append(runes[i + 1]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The grams of a search term that the indexes can look up: the term itself when it is one character, else its
    /// distinct pairs. Only letters and digits, so each gram is one token of the SQLite tokenizer and one array element
    /// in PostgreSQL; a term without any such gram (punctuation only) gets none and is matched on the text alone.
    /// </summary>
    public static IReadOnlyList<string> TermGrams(string term)
    {
        var runes = term.EnumerateRunes().ToList();
        if (runes.Count == 1)
            return Rune.IsLetterOrDigit(runes[0]) ? [term] : [];
        return Enumerable.Range(0, Math.Max(0, runes.Count - 1))
            .Where(i => Rune.IsLetterOrDigit(runes[i]) && Rune.IsLetterOrDigit(runes[i + 1]))
            .Select(i => runes[i].ToString() + runes[i + 1])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The searchable text of a decision exactly as <see cref="InsertSql"/> computes it: an organisation's name as given;
    /// else the visible surname — the first two characters when the name has at least three and they are a listed
    /// compound surname (<see cref="PartyMasking.CompoundSurnames"/>), else the first character —, counted in characters
    /// (Unicode scalars) as SQL's <c>length</c> and <c>substr</c> count them. For a writer that builds the rows itself
    /// (<see cref="Import.PostgresDirectCaseWriter"/>); the table's tests hold it to the rows the SQL gives.
    /// </summary>
    internal static string SearchText(bool organisation, string? name)
    {
        if (name is null)
            return "";
        if (organisation)
            return name;
        int characters = 0, first = 0, firstTwo = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            characters++;
            if (characters == 1)
                first = rune.Utf16SequenceLength;
            else if (characters == 2)
                firstTwo = first + rune.Utf16SequenceLength;
            else
                break;
        }
        if (characters >= 3 && PartyMasking.CompoundSurnames.Contains(name[..firstTwo]))
            return name[..firstTwo];
        return name[..first];
    }

    /// <summary>Makes <c>zhifa_party_grams</c> available on a SQLite connection (PostgreSQL has it from V008).</summary>
    public static void RegisterFunctions(DbConnection conn)
    {
        if (conn is SqliteConnection sqlite)
            sqlite.CreateFunction<string?, string>("zhifa_party_grams", Grams, isDeterministic: true);
    }

    /// <summary>After a case's publication changed (published, withdrawn, its details corrected): its row anew, or none.</summary>
    public static async Task RefreshCaseAsync(DbConnection conn, DbTransaction tx, long caseId, CancellationToken ct = default)
    {
        RegisterFunctions(conn);
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM published_decisions WHERE case_id = @caseId", new { caseId }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(InsertSql(conn, "c.id = @caseId"), new { caseId }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// 公示 of a platform case's decision (ADR-016): sets <c>cases.published_on</c> when it is not set yet, and the case's row
    /// of the search table, in the caller's transaction. False when the case was already published (nothing written).
    /// </summary>
    public static async Task<bool> PublishCaseAsync(DbConnection conn, DbTransaction tx, long caseId, DateOnly publishedOn, CancellationToken ct = default)
    {
        var updated = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET published_on = @publishedOn WHERE id = @caseId AND published_on IS NULL", new { caseId, publishedOn }, tx, cancellationToken: ct));
        if (updated == 0)
            return false;
        await RefreshCaseAsync(conn, tx, caseId, ct);
        return true;
    }

    /// <summary>A plain import: the new cases (ids above <paramref name="lastIdBefore"/>) that are published. Returns the rows added.</summary>
    public static async Task<int> AddImportedAsync(DbConnection conn, DbTransaction tx, long lastIdBefore, CancellationToken ct = default)
    {
        RegisterFunctions(conn);
        return await conn.ExecuteAsync(new CommandDefinition(InsertSql(conn, "c.id > @lastIdBefore"), new { lastIdBefore }, tx,
            commandTimeout: 0, cancellationToken: ct));
    }

    /// <summary>
    /// After many rows changed (and the indexes are back): PostgreSQL's plans for the search depend on the statistics of
    /// the table, which autovacuum would gather only later. The plain columns are analyzed here, in the import's
    /// transaction. The GIN expression's element statistics — most of a full ANALYZE's time, 0.2–0.4 s at 25,000 rows
    /// because every name's pairs are counted — are left to autovacuum: an ANALYZE with a column list skips index
    /// expressions and leaves the table's count of changed rows as it is, so autovacuum analyzes it whole within its
    /// next round (a minute by default). Until then a party search is planned with the default selectivity.
    /// </summary>
    public static async Task AnalyzeAsync(DbConnection conn, DbTransaction tx, CancellationToken ct = default)
    {
        if (conn is NpgsqlConnection)
            await conn.ExecuteAsync(new CommandDefinition(
                $"{Import.BulkLoadSchema.FirstStatistics}; ANALYZE published_decisions (sort_key, case_id, agency_id, decided_on, published_on, party_type, party_credit_code, fine_fen)",
                transaction: tx, commandTimeout: 0, cancellationToken: ct));
    }

    /// <summary>An <c>--upsert</c> import: the rows of every case the file named, inserted or updated, anew. Returns the rows written.</summary>
    public static async Task<int> RefreshNumbersAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<string> numbers, CancellationToken ct = default)
    {
        if (numbers.Count == 0)
            return 0;
        RegisterFunctions(conn);
        var (numberIn, value) = conn is NpgsqlConnection
            ? ("= ANY(@numbers)", (object)numbers.ToArray())
            : ("IN (SELECT value FROM json_each(@numbers))", JsonSerializer.Serialize(numbers));
        var p = new { numbers = value };
        await conn.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM published_decisions WHERE case_id IN (SELECT c.id FROM cases c WHERE c.number {numberIn})", p, tx, commandTimeout: 0, cancellationToken: ct));
        return await conn.ExecuteAsync(new CommandDefinition(InsertSql(conn, $"c.number {numberIn}"), p, tx, commandTimeout: 0, cancellationToken: ct));
    }

    /// <summary>
    /// The published decisions among the cases <paramref name="which"/> selects: general-procedure penalties with a
    /// decision and a publication date, not withdrawn. A natural person (or a party of unknown type, masked the same way)
    /// is searchable by the visible surname only (<see cref="PartyMasking.Surname"/>, in SQL).
    /// </summary>
    internal static string InsertSql(DbConnection conn, string which)
    {
        var days = conn is NpgsqlConnection ? "(c.decided_on - DATE '1970-01-01')::bigint" : "(CAST(julianday(c.decided_on) - 2440587.5 AS INTEGER))";
        var compound = string.Join(", ", PartyMasking.CompoundSurnames.Order(StringComparer.Ordinal).Select(s => $"'{s}'"));
        var surname = $"CASE WHEN length(c.party_name) >= 3 AND substr(c.party_name, 1, 2) IN ({compound}) THEN substr(c.party_name, 1, 2) ELSE substr(c.party_name, 1, 1) END";
        return "INSERT INTO published_decisions (sort_key, case_id, agency_id, number, decided_on, published_on, party_type, party_credit_code, fine_fen, outcome, search_text, party_grams) " +
               "SELECT s.sort_key, s.id, s.agency_id, s.number, s.decided_on, s.published_on, s.party_type, s.party_credit_code, s.fine_fen, s.outcome, s.search_text, zhifa_party_grams(s.search_text) FROM (" +
               $"SELECT {days} * {DayStride.ToString(CultureInfo.InvariantCulture)} + c.id AS sort_key, c.id, c.agency_id, c.number, c.decided_on, c.published_on, c.party_type, " +
               $"CASE WHEN {Organisation} THEN c.party_credit_code END AS party_credit_code, c.fine_fen, c.outcome, " +
               $"coalesce(CASE WHEN {Organisation} THEN c.party_name ELSE {surname} END, '') AS search_text " +
               "FROM cases c WHERE c.decided_on IS NOT NULL AND c.published_on IS NOT NULL AND c.category = 'Penalty' AND c.procedure = 'General' " +
               $"AND NOT EXISTS (SELECT 1 FROM publication_withdrawals w WHERE w.case_id = c.id) AND {which}) s";
    }
}
