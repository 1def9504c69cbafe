using System.Data.Common;
using System.Text.Json;
using Dapper;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.PenaltyCases;

/// <summary>A stored penalty case as loaded: the aggregate, the version it was saved at, and its document details.</summary>
public sealed record StoredPenaltyCase(PenaltyCase Case, long AgencyId, long Version, string? Details);

/// <summary>The columns of <c>penalty_cases</c> that lists read, computed from the case on the day it is saved.</summary>
public sealed record PenaltyCaseProjection(DateOnly? DecisionLimitOn, DateOnly? NextDeadlineOn, string? NextDeadlineName)
{
    /// <summary>
    /// The decision limit while none is made, and the earliest limit the agency runs against. The party's own windows
    /// are left out: they end without any breach, while a stored "next deadline" must stay true until the next step.
    /// </summary>
    public static PenaltyCaseProjection Of(PenaltyCase c, WorkingDayCalendar calendar, PenaltyRules rules, DateOnly today, PublicityRules publicity)
    {
        var next = c.Deadlines(calendar, rules, today, publicity).Where(d => !d.PartyWindow).MinBy(d => d.Due);
        DateOnly? limit = c.Stage.IsBeforeDecision() ? c.DecisionLimit(calendar, rules).Date : null;
        return new PenaltyCaseProjection(limit, next?.Due, next?.Name);
    }
}

/// <summary>
/// Reads and writes penalty cases inside the caller's transaction (ADR-007): the snapshot row with its version check,
/// the case's row in <c>cases</c> that the statistics count, its officers in <c>case_officers</c>, and its legal review
/// tasks. Plain SQL that both providers run, like <see cref="Records.CaseRecord"/>.
/// </summary>
public static class PenaltyCaseStore
{
    public static async Task<StoredPenaltyCase?> LoadAsync(DbConnection conn, long id, CancellationToken ct = default)
    {
        var row = await conn.QuerySingleOrDefaultAsync<(long AgencyId, long Version, string Snapshot, string? Details)>(new CommandDefinition(
            "SELECT agency_id, version, snapshot, details FROM penalty_cases WHERE id = @id", new { id }, cancellationToken: ct));
        if (row.Snapshot is null)
            return null;
        var c = PenaltyCaseSnapshot.Deserialize(row.Snapshot);
        PenaltyCaseSnapshot.AssignId(c, id);
        return new StoredPenaltyCase(c, row.AgencyId, row.Version, row.Details);
    }

    /// <summary>A new case: its <c>cases</c> row (the id comes from the table's identity), officers, snapshot at version 1.</summary>
    public static async Task<long> InsertAsync(DbConnection conn, DbTransaction tx, PenaltyCase c, string? details,
        PenaltyCaseProjection projection, DateTimeOffset now, CancellationToken ct = default)
    {
        var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO cases (number, agency_id, category, power_id, filed_on, procedure, party_type, party_name, party_credit_code, " +
            "fine_fen, decided_on, closed_on, outcome, extension_days) VALUES (@Number, @AgencyId, 'Penalty', @PowerId, @FiledOn, @Procedure, " +
            "@PartyType, @PartyName, @CreditCode, @FineFen, @DecidedOn, @ClosedOn, @Outcome, @ExtensionDays) RETURNING id",
            CaseRow(c), tx, cancellationToken: ct));
        PenaltyCaseSnapshot.AssignId(c, id);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO penalty_cases (id, agency_id, procedure, stage, number, party_name, decision_limit_on, next_deadline_on, " +
            "next_deadline_name, version, snapshot, details, updated_at) VALUES (@Id, @AgencyId, @Procedure, @Stage, @Number, @PartyName, " +
            "@DecisionLimitOn, @NextDeadlineOn, @NextDeadlineName, 1, @Snapshot, @Details, @Now)",
            SnapshotRow(c, details, projection, now), tx, cancellationToken: ct));
        await SyncChildrenAsync(conn, tx, c, ct);
        return id;
    }

    /// <summary>
    /// Saves a step: the snapshot only if it is still at <paramref name="expectedVersion"/> (false when someone saved in
    /// between: nothing is written), then the case row, the officers and the review tasks.
    /// </summary>
    public static async Task<bool> UpdateAsync(DbConnection conn, DbTransaction tx, PenaltyCase c, long expectedVersion, string? details,
        PenaltyCaseProjection projection, DateTimeOffset now, CancellationToken ct = default)
    {
        // The first statement writes, so SQLite takes its write lock before anything of this transaction is read.
        var updated = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE penalty_cases SET stage = @Stage, number = @Number, party_name = @PartyName, decision_limit_on = @DecisionLimitOn, " +
            "next_deadline_on = @NextDeadlineOn, next_deadline_name = @NextDeadlineName, snapshot = @Snapshot, details = @Details, " +
            "updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @expectedVersion",
            new DynamicParameters(SnapshotRow(c, details, projection, now)).With(nameof(expectedVersion), expectedVersion), tx, cancellationToken: ct));
        if (updated == 0)
            return false;
        // published_on is the publicity module's; filed_on and the number never change.
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET procedure = @Procedure, party_type = @PartyType, party_name = @PartyName, party_credit_code = @CreditCode, " +
            "fine_fen = @FineFen, decided_on = @DecidedOn, closed_on = @ClosedOn, outcome = @Outcome, extension_days = @ExtensionDays WHERE id = @Id",
            CaseRow(c), tx, cancellationToken: ct));
        await SyncChildrenAsync(conn, tx, c, ct);
        return true;
    }

    private static async Task SyncChildrenAsync(DbConnection conn, DbTransaction tx, PenaltyCase c, CancellationToken ct)
    {
        // Every officer ever assigned stays named on the case (a recused officer did take part until the recusal).
        foreach (var officer in c.Officers)
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO case_officers (case_id, officer_id, filed_on) VALUES (@caseId, @officerId, @filedOn) ON CONFLICT (case_id, officer_id) DO NOTHING",
                new { caseId = c.Id, officerId = officer.OfficerId, filedOn = c.FiledOn }, tx, cancellationToken: ct));
        }
        for (var i = 0; i < c.Reviews.Count; i++)
        {
            var r = c.Reviews[i];
            var items = r.Items.Count == 0 ? null : JsonSerializer.Serialize(r.Items.Select(x => new { item = x.Item.ToString(), confirmed = x.Confirmed, reason = x.Reason }));
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO legal_reviews (case_id, sequence, agency_id, reviewer_officer_id, submitted_on, submitted_by, outcome, completed_on, items) " +
                "VALUES (@caseId, @sequence, @agencyId, @reviewer, @submittedOn, @submittedBy, @outcome, @completedOn, @items) " +
                "ON CONFLICT (case_id, sequence) DO UPDATE SET outcome = excluded.outcome, completed_on = excluded.completed_on, items = excluded.items",
                new
                {
                    caseId = c.Id, sequence = i + 1, agencyId = c.AgencyId, reviewer = r.ReviewerOfficerId, submittedOn = r.SubmittedOn,
                    submittedBy = r.SubmittedBy, outcome = r.Outcome.ToString(), completedOn = r.CompletedOn, items,
                }, tx, cancellationToken: ct));
        }
    }

    private static object SnapshotRow(PenaltyCase c, string? details, PenaltyCaseProjection p, DateTimeOffset now) => new
    {
        c.Id, c.AgencyId, Procedure = c.Procedure.ToString(), Stage = c.Stage.ToString(), Number = c.Number ?? "", PartyName = c.Party.Name,
        p.DecisionLimitOn, p.NextDeadlineOn, p.NextDeadlineName, Snapshot = PenaltyCaseSnapshot.Serialize(c), Details = details,
        Now = now.ToUniversalTime(),
    };

    private static object CaseRow(PenaltyCase c)
    {
        var decision = c.Decision;
        var fine = decision is { Outcome: PenaltyOutcome.Penalty, Terms.Fine: { } f } ? (long?)Storage.ZhifaDbContext.ToFen(f) : null;
        var outcome = decision?.Outcome.ToChinese() ?? c.ClosingReason?.ToChinese();
        return new
        {
            c.Id, Number = c.Number ?? "", c.AgencyId, c.PowerId, c.FiledOn, Procedure = c.Procedure.ToString(), PartyType = c.Party.Type.ToString(),
            PartyName = c.Party.Name, CreditCode = c.Party.Type == PartyType.NaturalPerson ? null : c.Party.Identifier, FineFen = fine,
            DecidedOn = decision?.DecidedOn, c.ClosedOn, Outcome = outcome, c.ExtensionDays,
        };
    }

    private static DynamicParameters With(this DynamicParameters p, string name, object value)
    {
        p.Add(name, value);
        return p;
    }
}
