using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Storage;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.LegalReviews;

public sealed record ReviewTaskView(long CaseId, string CaseNumber, string AgencyCode, string AgencyName, int Sequence, string PartyName,
    string Stage, string StageName, string ReviewerCertificateNumber, string ReviewerName, DateOnly SubmittedOn, string SubmittedBy,
    string Outcome, string OutcomeName, DateOnly? CompletedOn, string CaseUrl);

public sealed record ReasonCount(string Reason, int Count);

/// <summary>How often a checklist item was returned, and with which reasons.</summary>
public sealed record ReturnedItemCount(string Item, string ItemName, int Count, IReadOnlyList<ReasonCount> Reasons);

/// <summary>审核 N 件、通过 M 件 and what the rest were returned for (the shape of the district reports).</summary>
public sealed record ReviewFigures(int Reviewed, int Passed, int Returned, IReadOnlyList<ReturnedItemCount> ReturnedByItem);

public sealed record AgencyReviewFigures(string AgencyCode, string AgencyName, ReviewFigures Figures);

public sealed record ReviewStatisticsView(DateOnly From, DateOnly To, ReviewFigures Total, IReadOnlyList<AgencyReviewFigures> Agencies);

/// <summary>
/// 法制审核 (legal review): a reviewer's own tasks, and the review figures of a period. A reviewer sees the tasks
/// assigned to them; the other roles see the tasks of the agencies in their scope.
/// </summary>
public sealed class LegalReviewQueries(ZhifaDbContext db, CallerScope scope)
{
    private sealed record StoredItem(string Item, bool Confirmed, string? Reason);

    public async Task<Outcome<PageOf<ReviewTaskView>>> TasksAsync(string? status, Paging paging, CancellationToken ct = default)
    {
        var reviews = db.LegalReviews.AsNoTracking();
        if (scope.Role == Roles.Reviewer)
        {
            var me = scope.OfficerId ?? -1;
            reviews = reviews.Where(r => r.ReviewerOfficerId == me);
        }
        else if (!scope.SeesAllAgencies)
        {
            var own = scope.Role is not null && scope.AgencyId is { } a ? a : -1;
            reviews = reviews.Where(r => r.AgencyId == own);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ReviewOutcome>(status.Trim(), ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome))
                return AppError.Invalid("status", "review.status_invalid", $"status\"{status}\"无效,应为 pending(待审核)、passed(审核通过)或 returned(退回)");
            var text = outcome.ToString();
            reviews = reviews.Where(r => r.Outcome == text);
        }
        var rows = from r in reviews
                   join c in db.PenaltyCases on r.CaseId equals c.Id
                   join a in db.Agencies on r.AgencyId equals a.Id
                   join o in db.Officers on r.ReviewerOfficerId equals o.Id
                   select new { r, c.Number, c.PartyName, c.Stage, a.Code, a.Name, Certificate = o.CertificateNumber, Reviewer = o.Name };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(x => x.r.SubmittedOn).ThenByDescending(x => x.r.CaseId).ThenByDescending(x => x.r.Sequence)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<ReviewTaskView>(page.Select(x =>
        {
            var outcome = Enum.Parse<ReviewOutcome>(x.r.Outcome);
            var stage = Enum.Parse<PenaltyStage>(x.Stage);
            return new ReviewTaskView(x.r.CaseId, x.Number, x.Code, x.Name, x.r.Sequence, x.PartyName, x.Stage, stage.ToChinese(), x.Certificate,
                x.Reviewer, x.r.SubmittedOn, x.r.SubmittedBy, x.r.Outcome, outcome.ToChinese(), x.r.CompletedOn, $"/api/v1/penalty-cases/{x.r.CaseId}");
        }).ToList(), total);
    }

    /// <summary>Reviews completed in the period, per agency and in total; an agency-bound caller gets its own agency only.</summary>
    public async Task<Outcome<ReviewStatisticsView>> StatisticsAsync(string? from, string? to, string? agency, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = Statistics.StatisticsQueries.ParseDate(from, "from", errors);
        var toDate = Statistics.StatisticsQueries.ParseDate(to, "to", errors);
        if (errors.Count == 0 && toDate < fromDate)
            errors["to"] = [$"结束日期 {toDate:yyyy-MM-dd} 早于开始日期 {fromDate:yyyy-MM-dd}"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var agencies = scope.Agencies(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var code = agency.Trim();
            agencies = agencies.Where(a => a.Code == code);
            if (!await agencies.AnyAsync(ct))
                return AppError.NotFound("agency.not_found", $"执法主体\"{code}\"不存在");
        }
        var visible = await agencies.Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var ids = visible.Keys.ToList();
        var (f, t) = (fromDate!.Value, toDate!.Value);
        var pending = nameof(ReviewOutcome.Pending);
        var rows = await db.LegalReviews.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.Outcome != pending && r.CompletedOn >= f && r.CompletedOn <= t)
            .Select(r => new { r.AgencyId, r.Outcome, r.Items }).ToListAsync(ct);
        var byAgency = rows.GroupBy(r => r.AgencyId).OrderBy(g => visible[g.Key].Code, StringComparer.Ordinal)
            .Select(g => new AgencyReviewFigures(visible[g.Key].Code, visible[g.Key].Name, Figures(g.Select(r => (r.Outcome, r.Items)).ToList())))
            .ToList();
        return new ReviewStatisticsView(f, t, Figures(rows.Select(r => (r.Outcome, r.Items)).ToList()), byAgency);
    }

    internal static ReviewFigures Figures(IReadOnlyList<(string Outcome, string? Items)> reviews)
    {
        var passed = reviews.Count(r => r.Outcome == nameof(ReviewOutcome.Passed));
        var returned = reviews.Where(r => r.Outcome == nameof(ReviewOutcome.Returned))
            .SelectMany(r => JsonSerializer.Deserialize<List<StoredItem>>(r.Items ?? "[]", Web) ?? [])
            .Where(i => !i.Confirmed)
            .GroupBy(i => Enum.Parse<ReviewChecklistItem>(i.Item))
            .OrderBy(g => g.Key)
            .Select(g => new ReturnedItemCount(g.Key.ToString(), g.Key.ToChinese(), g.Count(),
                g.GroupBy(i => i.Reason ?? "").OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => new ReasonCount(x.Key, x.Count())).ToList()))
            .ToList();
        return new ReviewFigures(reviews.Count, passed, reviews.Count - passed, returned);
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
