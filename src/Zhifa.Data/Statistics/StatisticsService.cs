using System.Data.Common;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Data.Statistics;

/// <summary>
/// Computes <see cref="SupervisionFigures"/> — shared/spec/statistics.md, each figure defined once — for any
/// period and scope. Heavy work is plain SQL both providers run: whole months come from the monthly summaries that
/// triggers keep beside the case tables (V014, ADR-019), the days outside whole months from a grouped scan of the
/// cases and index seeks per officer; the lists of late and overdue penalty cases are read case by case. The small
/// catalog is filtered in memory.
/// </summary>
public sealed class StatisticsService(DatabaseTarget target, WorkingDayCalendar calendar, PenaltyLimits limits)
{
    /// <summary>The service over a database, with the working-day calendar in force there and the default limits.</summary>
    public static async Task<StatisticsService> ForAsync(DatabaseTarget target, CancellationToken ct = default) =>
        new(target, await new Calendar.CalendarStore(target).LoadAsync(ct), new PenaltyLimits());

    /// <summary>
    /// Off: every figure from the case tables alone, ignoring the monthly summaries — the slow path, kept so a test or
    /// an administrator can check the summaries against it.
    /// </summary>
    public bool UseMonthlySummaries { get; init; } = true;


    public async Task<Result<SupervisionFigures>> ComputeAsync(StatisticsPeriod period, StatisticsScope scope, CancellationToken ct = default)
    {
        if (period.To < period.From)
            return new DomainError("statistics.bad_period", $"统计期间无效:开始日期 {period.From:yyyy-MM-dd} 晚于结束日期 {period.To:yyyy-MM-dd}");
        await using var conn = await target.OpenConnectionAsync(ct);
        if (conn is Npgsql.NpgsqlConnection)
        {
            // These scans are planned as expensive, so PostgreSQL would JIT-compile each of them: measured, that
            // costs more (a quarter of a second per report) than it saves on a district's volume.
            await using var jit = conn.CreateCommand();
            jit.CommandText = "SET jit = off";
            await jit.ExecuteNonQueryAsync(ct);
        }
        var all = await ScopeAgencies.LoadAsync(conn, ct);
        var scoped = ScopeAgencies.Select(all, scope, out var error);
        if (error is not null)
            return error;

        var ids = scoped.Select(a => a.Id).ToHashSet();
        var agencyList = ids.Count == 0 ? "-1" : string.Join(",", ids);
        var filter = scope == StatisticsScope.All ? "" : $" AND {{0}}agency_id IN ({agencyList})";
        string ScopeOn(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, filter, alias);
        // The cases of the days outside whole months are read per agency, always by list — one range of the
        // (agency_id, filed_on) index each — even for the whole platform.
        var byAgency = $" AND agency_id IN ({agencyList})";

        var existing = scoped.Where(a => (a.Established is null || a.Established <= period.To) && (a.Abolished is null || a.Abolished > period.To)).ToList();

        // Officers: certificates valid on the period end, issued and revoked within it.
        long certified = 0, reviewers = 0, issued = 0, revoked = 0;
        var certifiedIds = new Dictionary<long, long>(); // officer -> agency
        var certifiedByAgency = new Dictionary<long, long>();
        await using (var cmd = Command(conn, "SELECT id, agency_id, issued_on, revoked_on, is_legal_reviewer FROM officers", period))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                if (!ids.Contains(r.GetInt64(1)))
                    continue;
                var issuedOn = r.GetFieldValue<DateOnly>(2);
                DateOnly? revokedOn = r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3);
                if (issuedOn <= period.To && (revokedOn is null || revokedOn > period.To))
                {
                    certified++;
                    certifiedIds[r.GetInt64(0)] = r.GetInt64(1);
                    certifiedByAgency[r.GetInt64(1)] = certifiedByAgency.GetValueOrDefault(r.GetInt64(1)) + 1;
                    if (r.GetBoolean(4))
                        reviewers++;
                }
                if (issuedOn >= period.From && issuedOn <= period.To)
                    issued++;
                if (revokedOn >= period.From && revokedOn <= period.To)
                    revoked++;
            }
        }

        // Whole months are read from the monthly summaries (V014, ADR-019), the days before and after them from the
        // case tables themselves: a year at city scale is some thousands of summary rows instead of millions of cases.
        var parts = PeriodParts.Of(period, UseMonthlySummaries);

        // Totals, categories, agencies with cases and 零执法 months: grouped by agency, category and month.
        var byId = all.ToDictionary(a => a.Id);
        long total = 0, inspection = 0, penalty = 0, other = 0;
        var byCategory = new SortedDictionary<AgencyCategory, long[]>();
        foreach (var a in scoped)
            byCategory.TryAdd(a.Category, new long[4]);
        var activeMonths = new HashSet<(long, int)>();
        var activeAgencies = new HashSet<long>();
        var perAgency = new Dictionary<long, long[]>();
        var byMonth = new SortedDictionary<DateOnly, long[]>();
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
            byMonth[m] = new long[4];
        foreach (var (sql, range) in parts.Queries(
                     $"SELECT agency_id, category, month, CAST(sum(cases) AS bigint) FROM case_month_counts WHERE month >= @from AND month <= @to{ScopeOn("")} GROUP BY agency_id, category, month",
                     $"SELECT agency_id, category, {FirstOfMonth(conn)} AS month, count(*) FROM cases WHERE filed_on >= @from AND filed_on <= @to{byAgency} GROUP BY agency_id, category, {FirstOfMonth(conn)}"))
        {
            await using var cmd = Command(conn, sql, range);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var agencyId = r.GetInt64(0);
                var category = Enum.Parse<PowerCategory>(r.GetString(1));
                var day = r.GetFieldValue<DateOnly>(2);
                var n = r.GetInt64(3);
                var slot = category switch { PowerCategory.Inspection => 1, PowerCategory.Penalty => 2, _ => 3 };
                total += n;
                if (slot == 1) inspection += n; else if (slot == 2) penalty += n; else other += n;
                var counts = byCategory[byId[agencyId].Category];
                counts[0] += n;
                counts[slot] += n;
                activeAgencies.Add(agencyId);
                if (!perAgency.TryGetValue(agencyId, out var own))
                    perAgency[agencyId] = own = new long[4];
                own[0] += n;
                own[slot] += n;
                if (byMonth.TryGetValue(day, out var month))
                {
                    month[0] += n;
                    month[slot] += n;
                }
                activeMonths.Add((agencyId, day.Year * 12 + day.Month - 1));
            }
        }

        long previous = 0;
        foreach (var (sql, range) in PeriodParts.Of(period.OneYearEarlier(), UseMonthlySummaries).Queries(
                     $"SELECT coalesce(sum(cases), 0) FROM case_month_counts WHERE month >= @from AND month <= @to{ScopeOn("")}",
                     $"SELECT count(*) FROM cases WHERE filed_on >= @from AND filed_on <= @to{byAgency}"))
            previous += await ScalarAsync(conn, sql, range, ct);

        // 参与办案率: the certified officers named on a case of the period, of the scope's agencies: one seek per officer,
        // first on the summaries' whole months, then on case_officers (officer_id, filed_on) for the days outside
        // them — asking only about the officers not found yet, usually none.
        var named = new HashSet<long>();
        foreach (var (sql, range) in parts.Queries(
                     $"EXISTS (SELECT 1 FROM officer_month_cases m WHERE m.officer_id = o.id AND m.month >= @from AND m.month <= @to{ScopeOn("m.")})",
                     scope == StatisticsScope.All
                         // unscoped: one seek on case_officers (officer_id, filed_on) per officer, no join
                         ? "EXISTS (SELECT 1 FROM case_officers co WHERE co.officer_id = o.id AND co.filed_on >= @from AND co.filed_on <= @to)"
                         : $"EXISTS (SELECT 1 FROM case_officers co JOIN cases c ON c.id = co.case_id WHERE co.officer_id = o.id AND co.filed_on >= @from AND co.filed_on <= @to{ScopeOn("c.")})"))
        {
            var unnamed = certifiedIds.Keys.Where(id => !named.Contains(id)).ToList();
            if (unnamed.Count == 0)
                break;
            var only = unnamed.Count <= 5000 ? $" AND o.id IN ({string.Join(",", unnamed)})" : "";
            await using var cmd = Command(conn, $"SELECT o.id FROM officers o WHERE {sql}{only}", range);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                named.Add(r.GetInt64(0));
        }
        var participating = 0L;
        var participatingByAgency = new Dictionary<long, long>();
        foreach (var officer in named)
            if (certifiedIds.TryGetValue(officer, out var officerAgency))
            {
                participating++;
                participatingByAgency[officerAgency] = participatingByAgency.GetValueOrDefault(officerAgency) + 1;
            }

        // 执法职权履职率: powers of the scope's agencies exercised by a case of the period.
        var used = new HashSet<long>();
        foreach (var (sql, range) in parts.Queries(
                     "SELECT DISTINCT power_id FROM case_month_counts WHERE month >= @from AND month <= @to",
                     $"SELECT DISTINCT power_id FROM cases WHERE filed_on >= @from AND filed_on <= @to{byAgency}"))
        {
            await using var cmd = Command(conn, sql, range);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                used.Add(r.GetInt64(0));
        }
        long powers = 0, exercised = 0;
        await using (var cmd = Command(conn,
                         "SELECT id, agency_id FROM powers WHERE (valid_from IS NULL OR valid_from <= @to) AND (valid_to IS NULL OR valid_to >= @from)",
                         period))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                if (!ids.Contains(r.GetInt64(1)))
                    continue;
                powers++;
                if (used.Contains(r.GetInt64(0)))
                    exercised++;
            }
        }

        var zero = new List<ZeroEnforcementMonth>();
        foreach (var a in existing.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
                if (!activeMonths.Contains((a.Id, m.Year * 12 + m.Month - 1)))
                    zero.Add(new ZeroEnforcementMonth(a.Code, $"{m:yyyy-MM}"));
        }

        var (overdue, late, unpublished, provisional) = await PenaltyListsAsync(conn, period, ScopeOn(""), ct);
        long fines = 0;
        var finesByAgency = new Dictionary<long, long>();
        foreach (var (sql, range) in parts.Queries(
                     $"SELECT agency_id, CAST(coalesce(sum(fine_fen), 0) AS bigint) FROM decision_month_fines WHERE month >= @from AND month <= @to{ScopeOn("")} GROUP BY agency_id",
                     $"SELECT agency_id, CAST(coalesce(sum(fine_fen), 0) AS bigint) FROM cases WHERE category = 'Penalty' AND decided_on >= @from AND decided_on <= @to{ScopeOn("")} GROUP BY agency_id"))
        {
            await using var cmd = Command(conn, sql, range);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var n = r.GetInt64(1);
                fines += n;
                finesByAgency[r.GetInt64(0)] = finesByAgency.GetValueOrDefault(r.GetInt64(0)) + n;
            }
        }

        return new SupervisionFigures
        {
            Period = period,
            Scope = scope,
            Region = scope.RegionCode ?? CoveringRegion(scoped),
            Agencies = existing.Count,
            CertifiedOfficers = certified,
            LegalReviewers = reviewers,
            NewCertificates = issued,
            RevokedCertificates = revoked,
            Cases = new CaseCounts(total, inspection, penalty, other),
            ByMonth = byMonth.Select(kv => new KeyValuePair<string, CaseCounts>($"{kv.Key:yyyy-MM}",
                new CaseCounts(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))).ToList(),
            ByAgencyCategory = byCategory.Select(kv => new KeyValuePair<string, CaseCounts>(kv.Key.ToChinese(),
                new CaseCounts(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))).ToList(),
            PreviousYearCases = previous,
            YoyCaseGrowth = Rate(total - previous, previous),
            OfficerParticipationRate = Rate(participating, certified),
            AgencyEnforcementRate = Rate(existing.Count(a => activeAgencies.Contains(a.Id)), existing.Count),
            PowerExerciseRate = Rate(exercised, powers),
            ZeroEnforcementMonths = zero,
            OverduePenaltyCases = overdue,
            LatePublicity = late,
            UnpublishedDecisions = unpublished,
            FinesFen = fines,
            Provisional = provisional,
            PerAgency = existing.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a =>
            {
                var c = perAgency.GetValueOrDefault(a.Id) ?? new long[4];
                return new AgencyFigures(a.Code, a.Name, a.Category.ToChinese(), certifiedByAgency.GetValueOrDefault(a.Id),
                    participatingByAgency.GetValueOrDefault(a.Id), new CaseCounts(c[0], c[1], c[2], c[3]),
                    zero.Count(z => z.Agency == a.Code)) { FinesFen = finesByAgency.GetValueOrDefault(a.Id) };
            }).ToList(),
        };
    }

    /// <summary>The first day of the filing month, in each engine's own terms (one group per agency and month).</summary>
    private static string FirstOfMonth(DbConnection conn) =>
        conn is Npgsql.NpgsqlConnection ? "date_trunc('month', filed_on)::date" : "substr(filed_on, 1, 8) || '01'";

    private static double? Rate(long numerator, long denominator) =>
        denominator == 0 ? null : Math.Round((double)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    private async Task<(List<string>, List<string>, List<string>, bool)> PenaltyListsAsync(DbConnection conn, StatisticsPeriod period,
        string scopeFilter, CancellationToken ct)
    {
        List<string> overdue = [], late = [], unpublished = [];
        var provisional = false;
        await using var cmd = Command(conn,
            // Two ranges of two narrow partial indexes (V014), each read without the table on PostgreSQL.
            $"SELECT number, filed_on, decided_on, published_on, extension_days FROM cases WHERE category = 'Penalty' AND procedure = 'General' AND filed_on >= @from AND filed_on <= @to{scopeFilter} " +
            $"UNION ALL SELECT number, filed_on, decided_on, published_on, extension_days FROM cases WHERE category = 'Penalty' AND procedure = 'General' AND decided_on >= @from AND decided_on <= @to " +
            $"AND (filed_on < @from OR filed_on > @to){scopeFilter}",
            period);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var number = r.GetString(0);
            var filed = r.GetFieldValue<DateOnly>(1);
            DateOnly? decided = r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2);
            DateOnly? published = r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3);
            var extension = r.GetInt32(4);
            if (filed >= period.From && filed <= period.To)
            {
                var limit = PenaltyDeadlines.DecisionLimit(calendar, limits, filed, extension);
                if (decided is { } d ? d > limit.Date : limit.Date < period.To)
                {
                    overdue.Add(number);
                    provisional |= limit.Provisional;
                }
            }
            if (decided is { } decidedOn && decidedOn >= period.From && decidedOn <= period.To)
            {
                var limit = PenaltyDeadlines.PublicationLimit(calendar, limits, decidedOn);
                if (published is { } p && p > limit.Date)
                {
                    late.Add(number);
                    provisional |= limit.Provisional;
                }
                else if (published is null && limit.Date <= period.To)
                {
                    unpublished.Add(number);
                    provisional |= limit.Provisional;
                }
            }
        }
        overdue.Sort(StringComparer.Ordinal);
        late.Sort(StringComparer.Ordinal);
        unpublished.Sort(StringComparer.Ordinal);
        return (overdue, late, unpublished, provisional);
    }

    /// <summary>The smallest region code covering every agency: a county, its city, its province, or none.</summary>
    private static string? CoveringRegion(List<ScopeAgency> agencies)
    {
        if (agencies.Count == 0)
            return null;
        var codes = agencies.Select(a => a.RegionCode).Distinct().ToList();
        if (codes.Count == 1)
            return codes[0];
        if (codes.Select(c => c[..4]).Distinct().Count() == 1)
            return codes[0][..4] + "00";
        if (codes.Select(c => c[..2]).Distinct().Count() == 1)
            return codes[0][..2] + "0000";
        return null;
    }

    /// <summary>
    /// A period cut into the whole months it covers, read from the monthly summaries, and the days before and after
    /// them, read from the case tables. A period inside one month has no whole month.
    /// </summary>
    private sealed record PeriodParts(StatisticsPeriod? Months, StatisticsPeriod? Head, StatisticsPeriod? Tail)
    {
        public static PeriodParts Of(StatisticsPeriod period, bool summaries)
        {
            if (!summaries)
                return new PeriodParts(null, period, null);
            var first = period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1);
            var afterTo = period.To.AddDays(1);
            var end = afterTo.Day == 1 ? afterTo : new DateOnly(period.To.Year, period.To.Month, 1); // first day after the whole months
            if (first >= end)
                return new PeriodParts(null, period, null);
            return new PeriodParts(
                new StatisticsPeriod(first, end.AddMonths(-1)), // months by their first day
                period.From < first ? new StatisticsPeriod(period.From, first.AddDays(-1)) : null,
                end <= period.To ? new StatisticsPeriod(end, period.To) : null);
        }

        /// <summary>The summary query over the whole months and the case-table query over each part outside them.</summary>
        public IEnumerable<(string Sql, StatisticsPeriod Range)> Queries(string summarySql, string casesSql)
        {
            if (Months is { } months)
                yield return (summarySql, months);
            if (Head is { } head)
                yield return (casesSql, head);
            if (Tail is { } tail)
                yield return (casesSql, tail);
        }
    }

    private static DbCommand Command(DbConnection conn, string sql, StatisticsPeriod period)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        AddDate(cmd, "@from", period.From);
        AddDate(cmd, "@to", period.To);
        return cmd;
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql, StatisticsPeriod period, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        AddDate(cmd, "@from", period.From);
        AddDate(cmd, "@to", period.To);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddDate(DbCommand cmd, string name, DateOnly value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
