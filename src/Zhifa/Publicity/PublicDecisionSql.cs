using System.Data.Common;
using System.Globalization;
using System.Text;
using Zhifa.Data.Publicity;
using Zhifa.Data.Storage;
using Zhifa.Domain.Publicity;

namespace Zhifa.Publicity;

/// <summary>
/// The SQL of the public decision search, for both engines, over <c>published_decisions</c> (ADR-011): one row per
/// published, not withdrawn decision, keyed by the portal's order (newest decision first). What is shown today (the
/// publication period) is decided here from the row's dates, fine and outcome. A party term is looked up by its
/// character pairs — the SQLite full-text table, which returns rows in key order, or the PostgreSQL GIN index — and
/// confirmed on the searchable text; an agency seeks (agency_id, sort_key), a date range is a range of the key, a case
/// number the unique index. docs/performance.md has the figures.
/// </summary>
internal sealed class PublicDecisionSql(DatabaseProvider provider, PublicityRules rules, DateOnly today)
{
    /// <summary>
    /// Counting stops here: an exact count of a common term would read every match (hundreds of thousands in a large
    /// district), so beyond it the portal says "more than" and pages only within it.
    /// </summary>
    public const int MaxCounted = 10_000;

    private const string Organisation = "d.party_type IN ('LegalPerson', 'OtherOrganisation')";

    private string _from = "published_decisions d";
    private string _order = "d.sort_key";
    private readonly StringBuilder _where = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    /// <summary>What the portal shows of the table: publication date not after today, and the publication period not over.</summary>
    public PublicDecisionSql Visible()
    {
        var longCutoff = rules.EarliestShownPublication(today, PublicationPeriod.Long);
        var shortCutoff = rules.EarliestShownPublication(today, PublicationPeriod.Short);
        _where.Append("d.published_on <= ").Append(Param(today))
            .Append(" AND d.published_on >= ").Append(Param(longCutoff))
            .Append(" AND (d.published_on >= ").Append(Param(shortCutoff)).Append(" OR NOT (").Append(ShortPeriod()).Append("))");
        return this;
    }

    public PublicDecisionSql Agency(long agencyId)
    {
        _where.Append(" AND d.agency_id = ").Append(Param(agencyId));
        return this;
    }

    public PublicDecisionSql Number(string number)
    {
        _where.Append(" AND d.number = ").Append(Param(number));
        return this;
    }

    /// <summary>The date range applies to the decision date (决定日期), which leads the sort key.</summary>
    public PublicDecisionSql DecidedBetween(DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
            _where.Append(" AND d.sort_key >= ").Append(Param(PublishedDecisions.FirstSortKeyOf(f)));
        if (to is { } t)
            _where.Append(" AND d.sort_key < ").Append(Param(PublishedDecisions.FirstSortKeyOf(t.AddDays(1))));
        return this;
    }

    /// <summary>
    /// 当事人 search: <c>search_text</c> holds an organisation's name and a natural person's (or an unknown party's)
    /// visible surname only, so "the term lies in it" is the whole rule (<see cref="PartyMasking.SearchPrefixes"/>);
    /// an organisation is also found by its exact credit code when <paramref name="creditCodeStored"/>.
    /// </summary>
    public PublicDecisionSql Party(string term, bool creditCodeStored)
    {
        var grams = PublishedDecisions.TermGrams(term);
        var text = Param(term);
        var contains = provider == DatabaseProvider.Postgres ? $"strpos(d.search_text, {text}) > 0" : $"instr(d.search_text, {text}) > 0";
        if (creditCodeStored)
        {
            var code = Param(term.ToUpperInvariant());
            var byCode = $"SELECT sort_key FROM published_decisions WHERE party_credit_code = {code}";
            _where.Append(grams.Count == 0 ? "" : $" AND d.sort_key IN ({byCode} UNION {GramCandidates(grams)})")
                .Append($" AND ({contains} OR d.party_credit_code = {code})");
            return this;
        }
        if (grams.Count > 0 && provider == DatabaseProvider.Sqlite)
        {
            // Joined, not IN (…): the full-text table hands its rows over in rowid (= sort key) order, so a page of a
            // common term stops after a few rows instead of collecting every match first.
            _from = "published_decision_grams g JOIN published_decisions d ON d.sort_key = g.rowid";
            _order = "g.rowid";
            _where.Append(" AND g.published_decision_grams MATCH ").Append(Param(MatchQuery(grams)));
        }
        else if (grams.Count > 0)
            _where.Append(" AND string_to_array(d.party_grams COLLATE \"C\", ' ') @> ").Append(Param(grams.ToArray()));
        _where.Append(" AND ").Append(contains);
        return this;
    }

    private string GramCandidates(IReadOnlyList<string> grams) => provider == DatabaseProvider.Sqlite
        ? $"SELECT rowid FROM published_decision_grams WHERE published_decision_grams MATCH {Param(MatchQuery(grams))}"
        : $"SELECT sort_key FROM published_decisions WHERE string_to_array(party_grams COLLATE \"C\", ' ') @> {Param(grams.ToArray())}";

    /// <summary>Every gram as a quoted FTS5 string, all required; grams are letters and digits only, so nothing needs escaping.</summary>
    private static string MatchQuery(IReadOnlyList<string> grams) => string.Join(" AND ", grams.Select(g => $"\"{g}\""));

    /// <summary>Case ids of one page of matches, newest decision first: the walk of the key gives this order without a sort.</summary>
    public DbCommand PageCommand(DbConnection conn, int skip, int take) =>
        Command(conn, $"SELECT d.case_id FROM {_from} WHERE {_where} ORDER BY {_order} DESC LIMIT {take.ToString(CultureInfo.InvariantCulture)} OFFSET {skip.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The number of matches, counted up to <see cref="MaxCounted"/> + 1 (more means "more than MaxCounted").</summary>
    public DbCommand CountCommand(DbConnection conn) =>
        Command(conn, $"SELECT count(*) FROM (SELECT 1 FROM {_from} WHERE {_where} LIMIT {(MaxCounted + 1).ToString(CultureInfo.InvariantCulture)}) m");

    /// <summary>Whether an organisation's credit code equal to the term is stored: only then does the search look for one.</summary>
    public static DbCommand CreditCodeCommand(DbConnection conn, string term) =>
        Command(conn, "SELECT 1 FROM published_decisions WHERE party_credit_code = @code LIMIT 1", [("@code", term.ToUpperInvariant())]);

    /// <summary>The published fields of the given cases (already known to be visible).</summary>
    public static DbCommand RowsCommand(DbConnection conn, IReadOnlyCollection<long> ids) =>
        Command(conn,
            "SELECT c.id, c.number, c.party_type, c.party_name, c.party_credit_code, a.code, a.name, c.decided_on, c.published_on, c.fine_fen, c.outcome, p.name, p.legal_basis " +
            "FROM cases c JOIN agencies a ON a.id = c.agency_id JOIN powers p ON p.id = c.power_id " +
            $"WHERE c.id IN ({string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})",
            []);

    private DbCommand Command(DbConnection conn, string sql) => Command(conn, sql, _parameters);

    private static DbCommand Command(DbConnection conn, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>
    /// <see cref="PublicityRules.PeriodOf"/> in SQL: no heavier penalty named, and a fine below the small-fine amount of the
    /// party's type, or no fine and a warning or reprimand named. Never NULL, so NOT() is safe. The fine is tested first:
    /// most decisions fail there, and the engines then skip the word searches in the outcome (a count reads 10,000 rows).
    /// </summary>
    private string ShortPeriod()
    {
        var outcome = "coalesce(d.outcome, '')";
        var heavier = string.Join(" OR ", PublicityRules.HeavierPenaltyWords.Select(w => Contains(outcome, w)));
        var reprimand = string.Join(" OR ", PublicityRules.ReprimandWords.Select(w => Contains(outcome, w)));
        var personFen = Param(Fen(rules.SmallFineBelowNaturalPerson));
        var organisationFen = Param(Fen(rules.SmallFineBelowOrganisation));
        return $"((coalesce(d.fine_fen, 0) > 0 AND coalesce(d.fine_fen, 0) < CASE WHEN coalesce({Organisation}, FALSE) " +
               $"THEN {organisationFen} ELSE {personFen} END) OR (coalesce(d.fine_fen, 0) <= 0 AND ({reprimand}))) AND NOT ({heavier})";
    }

    private string Contains(string column, string text) =>
        provider == DatabaseProvider.Postgres ? $"strpos({column}, {Param(text)}) > 0" : $"instr({column}, {Param(text)}) > 0";

    private static long Fen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);

    private string Param(object value)
    {
        var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
