using System.Data.Common;
using System.Globalization;
using System.Text;
using Zhifa.Data.Storage;
using Zhifa.Domain.Publicity;

namespace Zhifa.Publicity;

/// <summary>
/// The SQL of the public decision search, for both engines. It adds no index on <c>cases</c> (each costs a rebuild in a
/// bulk import): a published decision is always decided, so the search walks the partial index on <c>decided_on</c>
/// (only decided cases, a few percent of all) in the order the portal lists them; an agency filter seeks
/// <c>IX_cases_agency_id_filed_on</c>, a case number the unique index. docs/performance.md has the figures.
/// </summary>
internal sealed class PublicDecisionSql(DatabaseProvider provider, PublicityRules rules, DateOnly today)
{
    private const string Organisation = "c.party_type IN ('LegalPerson', 'OtherOrganisation')";

    private readonly StringBuilder _where = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    /// <summary>What the portal shows: published general-procedure penalty decisions, not withdrawn, period not over.</summary>
    public PublicDecisionSql Visible()
    {
        var longCutoff = rules.EarliestShownPublication(today, PublicationPeriod.Long);
        var shortCutoff = rules.EarliestShownPublication(today, PublicationPeriod.Short);
        _where.Append("c.decided_on IS NOT NULL AND c.category = 'Penalty' AND c.procedure = 'General'")
            .Append(" AND c.published_on IS NOT NULL AND c.published_on <= ").Append(Param(today))
            .Append(" AND c.published_on >= ").Append(Param(longCutoff))
            .Append(" AND (c.published_on >= ").Append(Param(shortCutoff)).Append(" OR NOT (").Append(ShortPeriod()).Append("))")
            .Append(" AND NOT EXISTS (SELECT 1 FROM publication_withdrawals w WHERE w.case_id = c.id)");
        return this;
    }

    public PublicDecisionSql Agency(long agencyId)
    {
        _where.Append(" AND c.agency_id = ").Append(Param(agencyId));
        return this;
    }

    public PublicDecisionSql Number(string number)
    {
        _where.Append(" AND c.number = ").Append(Param(number));
        return this;
    }

    /// <summary>The date range applies to the decision date (决定日期).</summary>
    public PublicDecisionSql DecidedBetween(DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
            _where.Append(" AND c.decided_on >= ").Append(Param(f));
        if (to is { } t)
            _where.Append(" AND c.decided_on <= ").Append(Param(t));
        return this;
    }

    /// <summary>
    /// 当事人 search: an organisation by any part of its name (or its exact credit code); a natural person — or a party of
    /// unknown type, masked the same way — only by the visible surname (<see cref="PartyMasking.SearchPrefixes"/>).
    /// </summary>
    public PublicDecisionSql Party(string term)
    {
        var person = PartyMasking.SearchPrefixes(term)
            .Select(p => $"substr(c.party_name, 1, {Param(p.Prefix.Length)}) = {Param(p.Prefix)}" + (p.CompoundSurname ? " AND length(c.party_name) >= 3" : ""))
            .Select(s => $"({s})")
            .ToList();
        _where.Append(" AND ((").Append(Organisation).Append(" AND (").Append(Contains("c.party_name", term))
            .Append(" OR c.party_credit_code = ").Append(Param(term.ToUpperInvariant())).Append("))")
            .Append(" OR ((c.party_type IS NULL OR NOT ").Append(Organisation).Append(") AND ")
            .Append(person.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", person) + ")").Append("))");
        return this;
    }

    /// <summary>Ids of the matches, newest decision first: the walk of the decided_on index gives this order without a sort.</summary>
    public DbCommand IdsCommand(DbConnection conn) =>
        Command(conn, $"SELECT c.id FROM cases c WHERE {_where} ORDER BY c.decided_on DESC, c.id DESC");

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
    /// party's type, or no fine and a warning or reprimand named. Never NULL, so NOT() is safe.
    /// </summary>
    private string ShortPeriod()
    {
        var outcome = "coalesce(c.outcome, '')";
        var heavier = string.Join(" OR ", PublicityRules.HeavierPenaltyWords.Select(w => Contains(outcome, w)));
        var reprimand = string.Join(" OR ", PublicityRules.ReprimandWords.Select(w => Contains(outcome, w)));
        var personFen = Param(Fen(rules.SmallFineBelowNaturalPerson));
        var organisationFen = Param(Fen(rules.SmallFineBelowOrganisation));
        return $"NOT ({heavier}) AND ((coalesce(c.fine_fen, 0) > 0 AND coalesce(c.fine_fen, 0) < CASE WHEN coalesce({Organisation}, FALSE) " +
               $"THEN {organisationFen} ELSE {personFen} END) OR (coalesce(c.fine_fen, 0) <= 0 AND ({reprimand})))";
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
