using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Calendar;
using Zhifa.Data.CaseFileReviews;
using Zhifa.Data.Rectifications;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rectifications;
using Zhifa.Web;

namespace Zhifa.Rectifications;

/// <summary>
/// The writes of 整改 (ADR-020): issuing a notice (number, sources and notice in one transaction), the agency's answers and
/// the office's acceptance or return, each an appended event and a state change by <see cref="RectificationTransitions"/>.
/// Missing or unreadable fields are 400, a rule that refuses a value 422 naming the field; nothing is written unless all
/// is valid. Writes go through the <see cref="WriteQueue"/> (ADR-012).
/// </summary>
public sealed class RectificationCommands(ZhifaDbContext db, CallerScope scope, RectificationQueries queries, RectificationSettings settings,
    DatabaseTarget target, TimeProvider clock, WriteQueue writes)
{
    public const int MaxCited = 200;

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var had) ? [.. had, message] : [message];

    private static AppError Rules(Dictionary<string, string[]> errors, string code) =>
        new(FailureKind.RuleBroken, code, string.Join(";", errors.SelectMany(e => e.Value)), errors.Keys.First()) { Errors = errors };

    public async Task<Outcome<RectificationView>> IssueAsync(IssueRectificationRequest body, CancellationToken ct = default)
    {
        if (!queries.MayDecide)
            return AppError.Forbidden("只有执法监督机构或系统管理员可以下发整改通知书");

        var missing = new Dictionary<string, string[]>();
        DateOnly? deadline = null;
        if (string.IsNullOrWhiteSpace(body.Agency))
            Add(missing, "agency", "请填写被通知整改的执法机关编码(agency)");
        if (string.IsNullOrWhiteSpace(body.Issues))
            Add(missing, "issues", "请填写需要整改的问题(issues)");
        if (!string.IsNullOrWhiteSpace(body.Deadline))
        {
            if (DateOnly.TryParseExact(body.Deadline.Trim(), "yyyy-MM-dd", out var d))
                deadline = d;
            else
                Add(missing, "deadline", $"整改期限\"{body.Deadline}\"不是 yyyy-MM-dd 格式的日期");
        }
        if (missing.Count > 0)
            return AppError.Invalid(missing);

        var today = clock.Today();
        var errors = new Dictionary<string, string[]>();
        var code = body.Agency!.Trim();
        var issues = body.Issues!.Trim();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null)
            Add(errors, "agency", $"执法机关编码\"{code}\"不存在");
        if (issues.Length > RectificationNoticeRow.MaxTextLength)
            Add(errors, "issues", $"需要整改的问题不得超过 {RectificationNoticeRow.MaxTextLength} 个字符");
        if (deadline is { } given && given < today)
            Add(errors, "deadline", $"整改期限 {given:yyyy-MM-dd} 早于下发日期 {today:yyyy-MM-dd}");
        var alertIds = body.AlertIds ?? [];
        var findingIds = body.FindingIds ?? [];
        if (alertIds.Length + findingIds.Length > MaxCited)
            Add(errors, "alertIds", $"一份整改通知书最多引用 {MaxCited} 条预警和问题");

        var sources = new List<RectificationSourceRow>();
        if (agency is not null && alertIds.Length + findingIds.Length <= MaxCited)
        {
            var alerts = await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            for (var i = 0; i < alertIds.Length; i++)
            {
                if (!alerts.TryGetValue(alertIds[i], out var alert))
                    Add(errors, $"alertIds[{i}]", $"预警 {alertIds[i]} 不存在");
                else if (alert.AgencyId != agency.Id)
                    Add(errors, $"alertIds[{i}]", $"预警 {alertIds[i]} 不是执法机关\"{agency.Name}\"的预警");
                else if (sources.Any(s => s.Kind == RectificationSourceRow.AlertKind && s.SourceId == alert.Id))
                    Add(errors, $"alertIds[{i}]", $"预警 {alertIds[i]} 重复");
                else
                    sources.Add(new RectificationSourceRow
                    {
                        Kind = RectificationSourceRow.AlertKind, SourceId = alert.Id,
                        Label = Cut($"{alert.Kind.Title()}:{alert.RecordLabel}({alert.Kind.Rule()})", 500),
                    });
            }
            var findings = await (from f in db.ReviewFindings.AsNoTracking()
                                  join file in db.ReviewFiles.AsNoTracking() on f.FileId equals file.Id
                                  join batch in db.ReviewBatches.AsNoTracking() on file.BatchId equals batch.Id
                                  join c in db.Cases.AsNoTracking() on file.CaseId equals c.Id
                                  where findingIds.Contains(f.Id)
                                  select new { f.Id, f.Text, file.AgencyId, batch.Title, batch.Status, c.Number }).ToDictionaryAsync(x => x.Id, ct);
            for (var i = 0; i < findingIds.Length; i++)
            {
                if (!findings.TryGetValue(findingIds[i], out var f))
                    Add(errors, $"findingIds[{i}]", $"评查发现的问题 {findingIds[i]} 不存在");
                else if (f.AgencyId != agency.Id)
                    Add(errors, $"findingIds[{i}]", $"评查发现的问题 {findingIds[i]} 不是执法机关\"{agency.Name}\"案卷的问题");
                else if (f.Status != ReviewBatchStatus.Finished)
                    Add(errors, $"findingIds[{i}]", $"评查批次\"{f.Title}\"尚未完成,其发现的问题还不能用于整改通知");
                else if (sources.Any(s => s.Kind == RectificationSourceRow.FindingKind && s.SourceId == f.Id))
                    Add(errors, $"findingIds[{i}]", $"评查发现的问题 {findingIds[i]} 重复");
                else
                    sources.Add(new RectificationSourceRow
                    {
                        Kind = RectificationSourceRow.FindingKind, SourceId = f.Id, Label = Cut($"{f.Title} {f.Number}:{f.Text}", 500),
                    });
            }
        }
        if (errors.Count > 0)
            return Rules(errors, "rectification.invalid");

        var due = deadline ?? (await new CalendarStore(target).LoadAsync(ct)).AddWorkingDays(today, settings.DefaultDeadlineWorkingDays).Date;
        var row = new RectificationNoticeRow
        {
            Year = today.Year, AgencyId = agency!.Id, Issues = issues, IssuedOn = today, Deadline = due, Status = RectificationStatus.Issued,
            IssuedBy = scope.UserName!, IssuedAt = clock.GetUtcNow(),
        };
        // The next number of the year is read and taken in one transaction; on PostgreSQL two issues at once may read the same
        // one, and the unique (year, sequence) index refuses the second, which then takes the next.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await writes.EnterAsync(ct))
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    row.Sequence = (await db.RectificationNotices.Where(n => n.Year == row.Year).MaxAsync(n => (int?)n.Sequence, ct) ?? 0) + 1;
                    row.Number = settings.Number(row.Year, row.Sequence);
                    db.RectificationNotices.Add(row);
                    await db.SaveChangesAsync(ct);
                    foreach (var s in sources)
                    {
                        s.NoticeId = row.Id;
                        db.RectificationSources.Add(s);
                    }
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                row.Id = 0;
            }
        }
        db.ChangeTracker.Clear();
        return await queries.GetAsync(row.Id, ct);
    }

    /// <summary>The agency answers with what it changed: 已下发 or 已退回 → 已回复.</summary>
    public Task<Outcome<RectificationView>> AnswerAsync(long id, RectificationTextRequest body, CancellationToken ct = default) =>
        ActAsync(id, RectificationAction.Answer, body, ct);

    /// <summary>The office accepts the answer: 已回复 → 已通过. The opinion is optional.</summary>
    public Task<Outcome<RectificationView>> AcceptAsync(long id, RectificationTextRequest body, CancellationToken ct = default) =>
        ActAsync(id, RectificationAction.Accept, body, ct);

    /// <summary>The office returns the answer with a reason: 已回复 → 已退回.</summary>
    public Task<Outcome<RectificationView>> ReturnAsync(long id, RectificationTextRequest body, CancellationToken ct = default) =>
        ActAsync(id, RectificationAction.Return, body, ct);

    private async Task<Outcome<RectificationView>> ActAsync(long id, RectificationAction action, RectificationTextRequest body, CancellationToken ct)
    {
        if (await queries.VisibleAsync(id, ct) is not { } seen)
            return RectificationQueries.NotFound(id);
        if (action == RectificationAction.Answer ? !queries.MayAnswer(seen.AgencyId) : !queries.MayDecide)
            return AppError.Forbidden(action == RectificationAction.Answer
                ? "只有被通知整改的执法机关的管理员可以回复整改情况"
                : $"只有执法监督机构或系统管理员可以{action.ToChinese()}整改");
        var text = body.Text?.Trim() ?? "";
        if (text.Length == 0 && action != RectificationAction.Accept)
            return AppError.Invalid(new Dictionary<string, string[]>
            {
                ["text"] = [action == RectificationAction.Answer ? "请填写整改情况(text):做了哪些整改" : "请填写退回的理由(text)"],
            });
        if (text.Length > RectificationNoticeRow.MaxTextLength)
            return Rules(new Dictionary<string, string[]> { ["text"] = [$"内容不得超过 {RectificationNoticeRow.MaxTextLength} 个字符"] }, "rectification.too_long");

        using (await writes.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var notice = await db.RectificationNotices.AsNoTracking().FirstAsync(n => n.Id == id, ct);
            var next = RectificationTransitions.Apply(notice.Status, action, notice.Number);
            if (!next.IsSuccess)
                return AppError.Rule(next.Error);
            // Only from the state just read: of two decisions at once (PostgreSQL does not queue them) the second finds it changed.
            var changed = await db.RectificationNotices.Where(n => n.Id == id && n.Status == notice.Status)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, next.Value), ct);
            if (changed == 0)
                return AppError.Conflict("rectification.changed", $"整改通知书 {notice.Number} 刚被他人处理,请刷新后重试");
            db.RectificationEvents.Add(new RectificationEventRow
            {
                NoticeId = id, Action = action, Text = text, ActedBy = scope.UserName!, ActedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return await queries.GetAsync(id, ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
