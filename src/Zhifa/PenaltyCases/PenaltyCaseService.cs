using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Data.Calendar;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Records;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>What a step works on: the case as loaded, the rules and calendar in force, who acts, and the document details.</summary>
internal sealed record StepScope(PenaltyCase Case, PenaltyContext Context, PenaltyActor Actor, PenaltyCaseDetails Details);

/// <summary>A step's outcome: the error to report, or done (with the document details to keep, when the step changed them).</summary>
internal readonly record struct StepResult(AppError? Error, PenaltyCaseDetails? Details = null)
{
    public static readonly StepResult Done = new(null);

    public static implicit operator StepResult(AppError error) => new(error);
}

/// <summary>
/// The penalty workflow as an application service, for the API and the pages alike (ADR-007). Each step loads the case
/// within the caller's scope (another agency's case is 404), checks the request (400) and the version it was based on
/// (409), runs the step on the aggregate (422 with the rule's code and Chinese message when refused, nothing written),
/// and then in one transaction saves the snapshot under the version check, brings the <c>cases</c> row and
/// <c>case_officers</c> in line, and appends the step to the case's full-process record (<c>penalty.&lt;step&gt;</c>).
/// The steps themselves are in PenaltyCaseService.*.cs.
/// </summary>
public sealed partial class PenaltyCaseService(ZhifaDbContext db, CallerScope scope, PenaltyRules rules, PublicityRules publicity,
    TimeProvider clock, PenaltyCaseLookups lookups, PenaltyCaseViewBuilder views, WriteQueue writes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The calendar loaded by the administrator (and the embedded years), the configured rules and the clock.</summary>
    public async Task<PenaltyContext> ContextAsync(CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var calendar = await CalendarStore.LoadAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), ct);
        return new(calendar, rules, clock) { Publicity = publicity };
    }

    /// <summary>The caller as the workflow sees it: user name, role, agency and linked officer.</summary>
    internal PenaltyActor Actor => new(scope.UserName ?? "", scope.Role ?? "", scope.AgencyId, scope.OfficerId);

    internal static AppError NotFound(long id) => AppError.NotFound("case.not_found", $"案件 {id} 不存在");

    private static AppError Stale(long current, long given) => AppError.Conflict("case.version_conflict",
        $"案件已被他人更新(当前版本 {current},本次操作基于版本 {given}),请刷新后重新操作", "version");

    /// <summary>The case in the caller's scope, for the queries and documents that read it.</summary>
    internal async Task<Outcome<StoredPenaltyCase>> LoadVisibleAsync(long id, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var stored = await PenaltyCaseStore.LoadAsync(db.Database.GetDbConnection(), id, ct);
        return stored is not null && scope.CanSee(stored.AgencyId) ? stored : NotFound(id);
    }

    /// <summary>
    /// Runs a step. <paramref name="alsoWrite"/> writes what else the step changes, inside the step's transaction after the
    /// snapshot (公示: the case row's publication date and the search table); an error from it rolls everything back.
    /// <paramref name="outcome"/> is what the step settled beyond its input, for its record entry.
    /// </summary>
    private async Task<Outcome<PenaltyCaseView>> RunAsync(long id, StepRequest request, string route,
        Func<StepScope, CancellationToken, Task<StepResult>> step, CancellationToken ct,
        Func<DbConnection, DbTransaction, PenaltyCase, CancellationToken, Task<AppError?>>? alsoWrite = null, Func<PenaltyCase, object>? outcome = null)
    {
        var loaded = await LoadVisibleAsync(id, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var stored = loaded.Value;
        if (request.Version is not { } version)
            return AppError.Invalid("version", "case.version_required", "请填写本次操作所基于的案件版本号 version(见案件详情)");
        if (version != stored.Version)
            return Stale(stored.Version, version);

        var ctx = await ContextAsync(ct) with { PowerOnMajorDecisionList = await lookups.OnMajorDecisionListAsync(stored.Case.PowerId, ct) };
        var s = new StepScope(stored.Case, ctx, Actor, PenaltyCaseDetails.Read(stored.Details));
        var result = await step(s, ct);
        if (result.Error is not null)
            return result.Error;

        var c = stored.Case;
        var details = result.Details ?? s.Details;
        var now = clock.GetUtcNow();
        var conn = db.Database.GetDbConnection();
        // Everything that needs no lock is worked out first: the transaction only writes (ADR-012).
        var projection = PenaltyCaseProjection.Of(c, ctx.Calendar, rules, ctx.Today, publicity);
        var detailsJson = details.Write();
        var entry = RecordEntryOf(c, route, request, version + 1, outcome?.Invoke(c));
        using (await writes.EnterAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var dbtx = tx.GetDbTransaction();
            if (!await PenaltyCaseStore.UpdateAsync(conn, dbtx, c, version, detailsJson, projection, now, ct))
            {
                await tx.RollbackAsync(ct);
                var current = (await PenaltyCaseStore.LoadAsync(conn, id, ct))?.Version ?? version;
                return Stale(current, version);
            }
            if (alsoWrite is not null && await alsoWrite(conn, dbtx, c, ct) is { } refused)
            {
                await tx.RollbackAsync(ct);
                return refused;
            }
            await AppendAsync(conn, dbtx, c.Id, entry, now, ct);
            await tx.CommitAsync(ct);
        }
        return await views.BuildAsync(c, version + 1, details, ctx, s.Actor, ct);
    }

    /// <summary>A domain refusal as a 422, naming the request field the step maps the refusal's family to.</summary>
    private static StepResult Refuse(DomainError? error, params (string Family, string Field)[] fields) =>
        error is null ? StepResult.Done : RuleFields.Refusal(error, fields.ToDictionary(f => f.Family, f => f.Field));

    /// <summary>
    /// Creates a case (filing or the summary procedure). With an <c>Idempotency-Key</c>, a repeat of the same request
    /// returns the first response and writes nothing; the same key on a different request is refused.
    /// </summary>
    private async Task<Outcome<PenaltyCaseView>> CreateAsync(string route, object request, string? key, DocumentKind numberKind,
        Func<PenaltyContext, PenaltyActor, CancellationToken, Task<Outcome<(PenaltyCase Case, PenaltyCaseDetails Details)>>> build, CancellationToken ct)
    {
        key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        if (key is { Length: > IdempotencyKeys.MaxKeyLength })
            return AppError.Invalid("Idempotency-Key", "idempotency.key_invalid", $"Idempotency-Key 不能超过 {IdempotencyKeys.MaxKeyLength} 个字符");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        if (key is not null && await ReplayAsync(conn, route, hash, key, ct) is { } replay)
            return replay;

        var ctx = await ContextAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateOnceAsync(conn, route, request, key, hash, numberKind, ctx, build, ct);
            }
            catch (DbException e) when (IsNumberCollision(e) && attempt < MaxNumberAttempts && db.Database.CurrentTransaction is null)
            {
                // Two agencies whose numbers share a 机关代字 both took the same free number at once: the unique index on
                // the case number refused the later one, which was rolled back. Build and number it again (only when the
                // transaction was ours: inside a caller's, the refusal rolls the caller back).
            }
        }
    }

    private const int MaxNumberAttempts = 10;

    private static bool IsNumberCollision(DbException e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "IX_cases_number",
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("cases.number", StringComparison.Ordinal),
        _ => false,
    };

    private async Task<Outcome<PenaltyCaseView>> CreateOnceAsync(DbConnection conn, string route, object request, string? key, string hash,
        DocumentKind numberKind, PenaltyContext ctx,
        Func<PenaltyContext, PenaltyActor, CancellationToken, Task<Outcome<(PenaltyCase Case, PenaltyCaseDetails Details)>>> build, CancellationToken ct)
    {
        var built = await build(ctx, Actor, ct);
        if (!built.IsSuccess)
            return built.Error;
        var (c, details) = built.Value;
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == c.AgencyId, ct);
        // The view's names are read before the number is taken: from then on the agency's series waits for this commit.
        var names = await views.NamesAsync(c, ct);
        var detailsJson = details.Write();
        // Inside a caller's transaction (移交立案 files the case in the referral's), the case commits or rolls back with it.
        var ambient = db.Database.CurrentTransaction;
        using var turn = ambient is null ? await writes.EnterAsync(ct) : default;
        await using var owned = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var tx = ambient ?? owned!;
        var dbtx = tx.GetDbTransaction();
        try
        {
            var on = numberKind == DocumentKind.FilingApproval ? c.FiledOn : c.Decision!.DecidedOn;
            var number = await DocumentNumbering.AllocateAsync(conn, dbtx, agency, numberKind, on.Year, ct);
            if (!number.IsSuccess)
                return AppError.Rule(number.Error);
            if (c.AssignNumber(number.Value.ToString()) is { } numberError)
                return AppError.Rule(numberError);
            var now = clock.GetUtcNow();
            var projection = PenaltyCaseProjection.Of(c, ctx.Calendar, rules, ctx.Today, publicity);
            var id = await PenaltyCaseStore.InsertAsync(conn, dbtx, c, detailsJson, projection, now, ct);
            await DocumentSequences.KeepNumberAsync(conn, dbtx, id, numberKind.ToString(), 0, c.Number!, Actor.UserName, now, ct);
            await AppendAsync(conn, dbtx, id, RecordEntryOf(c, route, request, 1), now, ct);
            var view = PenaltyCaseViewBuilder.Compose(c, 1, details, ctx, Actor, names, [new KeptNumber(numberKind.ToString(), 0, c.Number!)]);
            if (key is not null)
            {
                var response = new IdempotentResponse(route, hash, StatusCodes.Status201Created, JsonSerializer.Serialize(view, Json), id);
                await IdempotencyKeys.SaveAsync(conn, dbtx, Actor.UserName, key, response, now, ct);
            }
            if (owned is not null)
                await owned.CommitAsync(ct);
            return view;
        }
        catch (DbException e) when (key is not null && owned is not null && !IsNumberCollision(e))
        {
            // The same key committed by a concurrent request in between: ours is rolled back, theirs is the answer.
            await tx.RollbackAsync(CancellationToken.None);
            if (await ReplayAsync(conn, route, hash, key, ct) is { } first)
                return first;
            throw;
        }
    }

    private async Task<Outcome<PenaltyCaseView>?> ReplayAsync(DbConnection conn, string route, string hash, string key, CancellationToken ct)
    {
        var first = await IdempotencyKeys.FindAsync(conn, Actor.UserName, key, ct);
        if (first is null)
            return null;
        if (first.Operation != route || first.RequestHash != hash)
            return AppError.Rule(new DomainError("idempotency.key_reused",
                $"Idempotency-Key \"{key}\" 已用于另一个内容不同的请求;新的请求请使用新的 Idempotency-Key"));
        return JsonSerializer.Deserialize<PenaltyCaseView>(first.Response, Json)!;
    }

    /// <summary>The step's entry in the case's full-process record: what was asked, and where it left the case.</summary>
    private static (string Kind, string Actor, string Content) RecordEntryOf(PenaltyCase c, string route, object request, long version,
        object? outcome = null)
    {
        var taken = c.History[^1].Step.ToString(); // PassReview or ReturnReview for complete-review
        var content = outcome is null
            ? CanonicalJson.From(new { step = route, taken, number = c.Number, input = request, stage = c.Stage.ToString(), version })
            : CanonicalJson.From(new { step = route, taken, number = c.Number, input = request, outcome, stage = c.Stage.ToString(), version });
        return ("penalty." + route, c.History[^1].UserName, content);
    }

    private static async Task AppendAsync(DbConnection conn, DbTransaction tx, long caseId, (string Kind, string Actor, string Content) entry,
        DateTimeOffset at, CancellationToken ct)
    {
        var appended = await CaseRecord.AppendAsync(conn, tx, caseId, entry.Kind, entry.Actor, entry.Content, at, ct);
        if (!appended.IsSuccess)
            throw new InvalidOperationException($"The record refused a penalty step: {appended.Error.Code} {appended.Error.Message}");
    }
}
