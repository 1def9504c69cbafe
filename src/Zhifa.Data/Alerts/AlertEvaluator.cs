using System.Data.Common;
using System.Globalization;
using Zhifa.Data.Calendar;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rectifications;

namespace Zhifa.Data.Alerts;

/// <summary>What one evaluation did: alerts opened and closed, and how many are open after it.</summary>
public sealed record AlertRun(DateTimeOffset At, int Opened, int Closed, int Open);

/// <summary>
/// Finds the causes of every <see cref="AlertKind"/> in the records and brings the <c>alerts</c> table in line with
/// them (ADR-015): one set-based query per kind reads the candidates, the deadlines come from the same domain rules the
/// statistics use (<see cref="PenaltyDeadlines"/>, <see cref="PublicityRules"/>, <see cref="StatisticsService"/> for
/// 零执法), and <see cref="AlertEvaluation.Reconcile"/> decides what to open and close. Evaluations in one process run
/// one at a time.
/// </summary>
public sealed class AlertEvaluator(DatabaseTarget target, AlertSettings settings, PublicityRules publicity, TimeProvider clock)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private readonly PenaltyLimits _limits = new();

    public async Task<AlertRun> EvaluateAsync(CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var today = clock.Today();
            var calendar = await new CalendarStore(target).LoadAsync(ct);
            var facts = await FindAsync(today, calendar, ct);
            return await ApplyAsync(facts, clock.GetUtcNow(), ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The first day of the window past facts are looked for in: the first of the month <c>WindowMonths</c> back.</summary>
    public static DateOnly WindowStart(DateOnly today, AlertSettings settings) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(-settings.WindowMonths);

    private async Task<List<AlertFact>> FindAsync(DateOnly today, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var facts = new List<AlertFact>();
        var from = WindowStart(today, settings);
        await ZeroEnforcementAsync(calendar, from, today, facts, ct); // before opening ours: the statistics open their own
        await using var conn = await target.OpenConnectionAsync(ct);
        await DecisionLimitsAsync(conn, calendar, today, facts, ct);
        await PublicationAsync(conn, calendar, from, today, facts, ct);
        await TooFewOfficersAsync(conn, from, today, facts, ct);
        await RevokedOfficersAsync(conn, today, facts, ct);
        if (settings.TrainingHoursPerYear > 0)
            await TrainingHoursAsync(conn, today.Year - 1, facts, ct);
        await RectificationsAsync(conn, today, facts, ct);
        await DecisionsWithoutReviewAsync(conn, from, today, facts, ct);
        return facts;
    }

    /// <summary>零执法 months as the statistics define them (zeroEnforcementMonths), for the window's complete months.</summary>
    private async Task ZeroEnforcementAsync(WorkingDayCalendar calendar, DateOnly from, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        var lastMonthEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        if (lastMonthEnd < from)
            return;
        var figures = await new StatisticsService(target, calendar, _limits).ComputeAsync(new StatisticsPeriod(from, lastMonthEnd), StatisticsScope.All, ct);
        if (!figures.IsSuccess)
            throw new InvalidOperationException(figures.Error.Message);
        var agencies = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var conn = await target.OpenConnectionAsync(ct);
        await foreach (var r in ReadAsync(conn, "SELECT code, id FROM agencies", [], ct))
            agencies[r.GetString(0)] = r.GetInt64(1);
        foreach (var zero in figures.Value.ZeroEnforcementMonths)
            facts.Add(new AlertFact(AlertKind.ZeroEnforcement, agencies[zero.Agency], AlertFact.MonthRecord(zero.Month), zero.Month,
                $"{zero.Month} 本机关没有任何执法案件(月度\"零执法\")"));
    }

    /// <summary>
    /// Undecided 普通程序 penalty cases at or near their decision limit (行政处罚法 第六十条, the limit statistics uses). The limit
    /// is at least the decision days after filing, so only cases filed early enough to be near it are read.
    /// </summary>
    private async Task DecisionLimitsAsync(DbConnection conn, WorkingDayCalendar calendar, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        var dueBy = today.AddDays(settings.DecisionDueWithinDays);
        var cutoff = dueBy.AddDays(-_limits.DecisionDays);
        await foreach (var r in ReadAsync(conn,
                           "SELECT id, number, agency_id, filed_on, extension_days FROM cases WHERE category = 'Penalty' AND procedure = 'General' " +
                           "AND decided_on IS NULL AND closed_on IS NULL AND filed_on <= @cutoff", [("@cutoff", cutoff)], ct))
        {
            var filed = r.GetFieldValue<DateOnly>(3);
            var limit = PenaltyDeadlines.DecisionLimit(calendar, _limits, filed, r.GetInt32(4));
            var limitText = $"立案日期 {filed:yyyy-MM-dd},决定期限 {limit.Date:yyyy-MM-dd}{Provisional(limit)}";
            if (limit.Date < today)
                facts.Add(CaseFact(AlertKind.DecisionOverdue, r, $"{limitText},已超过期限仍未作出处罚决定"));
            else if (limit.Date <= dueBy)
                facts.Add(CaseFact(AlertKind.DecisionDue, r, $"{limitText},{settings.DecisionDueWithinDays}日内到期"));
        }
    }

    /// <summary>
    /// 普通程序 penalty decisions of the window not published by their limit (unpublishedDecisions) or published after it
    /// (latePublicity). A decision published by its decision day is on time, so only the others are read.
    /// </summary>
    private async Task PublicationAsync(DbConnection conn, WorkingDayCalendar calendar, DateOnly from, DateOnly today, List<AlertFact> facts,
        CancellationToken ct)
    {
        await foreach (var r in ReadAsync(conn,
                           "SELECT id, number, agency_id, decided_on, published_on FROM cases WHERE category = 'Penalty' AND procedure = 'General' " +
                           "AND decided_on >= @from AND decided_on <= @today AND (published_on IS NULL OR published_on > decided_on)",
                           [("@from", from), ("@today", today)], ct))
        {
            var decided = r.GetFieldValue<DateOnly>(3);
            var limit = publicity.PenaltyPublicationLimit(calendar, decided);
            var limitText = $"决定日期 {decided:yyyy-MM-dd},应于 {limit.Date:yyyy-MM-dd} 前公示({publicity.PenaltyDecisionWorkingDays}个工作日){Provisional(limit)}";
            if (r.IsDBNull(4))
            {
                if (limit.Date <= today)
                    facts.Add(CaseFact(AlertKind.DecisionUnpublished, r, $"{limitText},至今未公示"));
            }
            else if (r.GetFieldValue<DateOnly>(4) is var published && published > limit.Date)
                facts.Add(CaseFact(AlertKind.DecisionPublishedLate, r, $"{limitText},实际公示日期 {published:yyyy-MM-dd}"));
        }
    }

    /// <summary>Penalty and inspection cases of the window with fewer than two officers certified on the filing day (第四十二条).</summary>
    private static async Task TooFewOfficersAsync(DbConnection conn, DateOnly from, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        await foreach (var r in ReadAsync(conn,
                           "SELECT id, number, agency_id, certified FROM (SELECT c.id, c.number, c.agency_id, " +
                           "(SELECT count(*) FROM case_officers co JOIN officers o ON o.id = co.officer_id WHERE co.case_id = c.id " +
                           "AND o.issued_on <= c.filed_on AND (o.revoked_on IS NULL OR o.revoked_on > c.filed_on)) AS certified " +
                           "FROM cases c WHERE c.filed_on >= @from AND c.filed_on <= @today AND c.category IN ('Penalty', 'Inspection')) x WHERE certified < 2",
                           [("@from", from), ("@today", today)], ct))
            facts.Add(CaseFact(AlertKind.TooFewOfficers, r, $"立案时持有效执法证的执法人员仅{r.GetInt64(3)}名,应不少于两名"));
    }

    /// <summary>
    /// Officers whose certificate is revoked while they are still named on an open case: not closed, and either undecided
    /// or handled on the platform (a platform case stays open until 结案).
    /// </summary>
    private static async Task RevokedOfficersAsync(DbConnection conn, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        var byOfficer = new Dictionary<long, (long Agency, string Label, DateOnly Revoked, List<string> Cases)>();
        await foreach (var r in ReadAsync(conn,
                           "SELECT o.id, o.agency_id, o.name, o.certificate_number, o.revoked_on, c.number FROM officers o " +
                           "JOIN case_officers co ON co.officer_id = o.id JOIN cases c ON c.id = co.case_id " +
                           "WHERE o.revoked_on IS NOT NULL AND o.revoked_on <= @today AND c.closed_on IS NULL " +
                           "AND (c.decided_on IS NULL OR EXISTS (SELECT 1 FROM penalty_cases p WHERE p.id = c.id))",
                           [("@today", today)], ct))
        {
            var id = r.GetInt64(0);
            if (!byOfficer.TryGetValue(id, out var officer))
                byOfficer[id] = officer = (r.GetInt64(1), $"{r.GetString(2)}({r.GetString(3)})", r.GetFieldValue<DateOnly>(4), []);
            officer.Cases.Add(r.GetString(5));
        }
        foreach (var (id, o) in byOfficer)
        {
            o.Cases.Sort(StringComparer.Ordinal);
            var shown = string.Join("、", o.Cases.Take(10)) + (o.Cases.Count > 10 ? $"等{o.Cases.Count}件" : "");
            facts.Add(new AlertFact(AlertKind.RevokedOfficerOpenCases, o.Agency, AlertFact.OfficerRecord(id), o.Label,
                $"执法证已于 {o.Revoked:yyyy-MM-dd} 注销,仍为在办案件的执法人员:{shown}", OfficerId: id));
        }
    }

    /// <summary>Officers certified for the whole of <paramref name="year"/> whose recorded training hours fall short of the yearly hours.</summary>
    private async Task TrainingHoursAsync(DbConnection conn, int year, List<AlertFact> facts, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        await foreach (var r in ReadAsync(conn,
                           "SELECT o.id, o.agency_id, o.name, o.certificate_number, " +
                           "(SELECT sum(t.hours) FROM officer_trainings t WHERE t.officer_id = o.id AND t.trained_on >= @start AND t.trained_on <= @end) " +
                           "FROM officers o WHERE o.issued_on <= @start AND (o.revoked_on IS NULL OR o.revoked_on > @end)",
                           [("@start", start), ("@end", end)], ct))
        {
            var hours = r.IsDBNull(4) ? 0m : Convert.ToDecimal(r.GetValue(4), CultureInfo.InvariantCulture);
            if (hours >= settings.TrainingHoursPerYear)
                continue;
            var id = r.GetInt64(0);
            facts.Add(new AlertFact(AlertKind.TrainingHoursShort, r.GetInt64(1), AlertFact.OfficerYearRecord(id, year),
                $"{r.GetString(2)}({r.GetString(3)}) {year}年",
                $"{year}年培训学时 {hours:0.#},低于每年 {settings.TrainingHoursPerYear} 学时", OfficerId: id));
        }
    }

    /// <summary>整改通知书 past their deadline and not accepted (ADR-020); the alert closes itself once the notice is accepted.</summary>
    private static async Task RectificationsAsync(DbConnection conn, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        await foreach (var r in ReadAsync(conn,
                           "SELECT id, number, agency_id, deadline, status FROM rectification_notices WHERE status <> 'Accepted' AND deadline < @today",
                           [("@today", today)], ct))
        {
            var status = Enum.Parse<RectificationStatus>(r.GetString(4));
            var deadline = r.GetFieldValue<DateOnly>(3);
            if (!RectificationTransitions.IsOverdue(status, deadline, today))
                continue;
            facts.Add(new AlertFact(AlertKind.RectificationOverdue, r.GetInt64(2), AlertFact.RectificationRecord(r.GetInt64(0)), r.GetString(1),
                $"整改通知书 {r.GetString(1)} 要求于 {deadline:yyyy-MM-dd} 前完成整改,已逾期,当前状态\"{status.ToChinese()}\""));
        }
    }

    /// <summary>
    /// 普通程序 decisions of the window made on the platform (imported history has no snapshot and no marker of a major
    /// decision) whose legal-review grounds hold by the rule the workflow applies (<see cref="PenaltyCase.GroundsDecidedWithoutReview"/>,
    /// 第五十八条) while no review of the case has passed; the case is major also when its power is on its agency's
    /// 重大执法决定法制审核目录 now (ADR-022), so listing a power opens the alert and unlisting it closes it again. Only these
    /// cases' snapshots are read; the rule runs in C#.
    /// </summary>
    private static async Task DecisionsWithoutReviewAsync(DbConnection conn, DateOnly from, DateOnly today, List<AlertFact> facts, CancellationToken ct)
    {
        await foreach (var r in ReadAsync(conn,
                           "SELECT c.id, c.number, c.agency_id, p.snapshot, m.power_id FROM cases c JOIN penalty_cases p ON p.id = c.id " +
                           "LEFT JOIN major_decision_list m ON m.power_id = c.power_id " +
                           "WHERE c.category = 'Penalty' AND c.procedure = 'General' AND c.decided_on >= @from AND c.decided_on <= @today",
                           [("@from", from), ("@today", today)], ct))
        {
            var @case = PenaltyCaseSnapshot.Deserialize(r.GetString(3));
            var grounds = @case.GroundsDecidedWithoutReview(powerOnMajorDecisionList: !r.IsDBNull(4));
            if (grounds.Count == 0)
                continue;
            var decision = @case.Decision!;
            facts.Add(CaseFact(AlertKind.DecisionWithoutLegalReview, r,
                $"{decision.DecidedOn:yyyy-MM-dd} 作出{decision.Outcome.ToChinese()}决定;本案{string.Join("、", grounds)}," +
                "应当经法制审核通过后才能作出决定,但没有通过的法制审核(行政处罚法 第五十八条)"));
        }
    }

    private static AlertFact CaseFact(AlertKind kind, DbDataReader r, string details) =>
        new(kind, r.GetInt64(2), AlertFact.CaseRecord(r.GetInt64(0)), r.GetString(1), details, CaseId: r.GetInt64(0));

    private static string Provisional(Deadline limit) => limit.Provisional ? "(暂按周一至周五计算工作日)" : "";

    /// <summary>Opens the new alerts and closes those whose cause is gone, in one transaction.</summary>
    private async Task<AlertRun> ApplyAsync(List<AlertFact> facts, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await target.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var open = new Dictionary<AlertKey, long>();
        await foreach (var r in ReadAsync(conn, "SELECT id, kind, agency_id, record_key FROM alerts WHERE closed_at IS NULL", [], ct, tx))
            open[new AlertKey(Enum.Parse<AlertKind>(r.GetString(1)), r.GetInt64(2), r.GetString(3))] = r.GetInt64(0);
        var changes = AlertEvaluation.Reconcile(facts, open);

        await using (var insert = conn.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO alerts (kind, agency_id, record_key, record_label, case_id, officer_id, details, opened_at) " +
                                 "VALUES (@kind, @agency, @key, @label, @case, @officer, @details, @at)";
            var p = new[] { "@kind", "@agency", "@key", "@label", "@case", "@officer", "@details", "@at" }.Select(n =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = n;
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            foreach (var f in changes.ToOpen)
            {
                p[0].Value = f.Kind.ToString();
                p[1].Value = f.AgencyId;
                p[2].Value = f.RecordKey;
                p[3].Value = Cut(f.RecordLabel, 200);
                p[4].Value = f.CaseId is { } c ? c : DBNull.Value;
                p[5].Value = f.OfficerId is { } o ? o : DBNull.Value;
                p[6].Value = Cut(f.Details, 2000);
                p[7].Value = now;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        foreach (var chunk in changes.ToClose.Chunk(500))
        {
            await using var close = conn.CreateCommand();
            close.Transaction = tx;
            close.CommandText = $"UPDATE alerts SET closed_at = @at WHERE id IN ({string.Join(",", chunk)})";
            AddParameter(close, "@at", now);
            await close.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new AlertRun(now, changes.ToOpen.Count, changes.ToClose.Count, open.Count + changes.ToOpen.Count - changes.ToClose.Count);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static async IAsyncEnumerable<DbDataReader> ReadAsync(DbConnection conn, string sql, (string Name, object Value)[] parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
            AddParameter(cmd, name, value);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            yield return r;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
