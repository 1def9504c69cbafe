using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.CaseFileReviews;
using Zhifa.Data.Storage;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Domain.Catalog;
using Zhifa.Web;

namespace Zhifa.CaseFileReviews;

/// <summary>
/// The reads of 案卷评查 (ADR-017), scoped on the server: the supervision office (and the administrator) sees every batch,
/// file and result; a 法制审核人员 account (reviewer) sees every batch and file, to score other agencies' files (交叉评查),
/// but only its own agency's results; an officer or agency administrator sees the batches that include the agency, only
/// the agency's files and results. Anything else is absent (404).
/// </summary>
public sealed class ReviewQueries(ZhifaDbContext db, CallerScope scope)
{
    public const string NotFoundCode = "review.not_found";

    private long OwnAgency => scope.Role is not null && scope.AgencyId is { } id ? id : -1;

    private bool SeesAllFiles => scope.SeesAllAgencies || scope.Role == Roles.Reviewer;

    public bool MayManage => scope.Role is Roles.Admin or Roles.Supervisor;

    /// <summary>May the caller score a file of <paramref name="agencyId"/>: the office always, a reviewer only another agency's (回避).</summary>
    public bool MayScore(long agencyId) => MayManage || (scope.Role == Roles.Reviewer && scope.AgencyId is { } own && own != agencyId);

    /// <summary>May the caller see a file of <paramref name="agencyId"/> (of a batch it sees).</summary>
    public bool SeesFileOf(long agencyId) => SeesAllFiles || agencyId == OwnAgency;

    public static AppError BatchNotFound(long id) => AppError.NotFound(NotFoundCode, $"评查批次 {id} 不存在");

    public static AppError FileNotFound(long id) => AppError.NotFound("review.file_not_found", $"评查案卷 {id} 不存在");

    /// <summary>The batch if the caller may see it.</summary>
    public async Task<ReviewBatchRow?> VisibleBatchAsync(long id, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || SeesAllFiles)
            return batch;
        var own = OwnAgency;
        return await db.ReviewAgencies.AnyAsync(a => a.BatchId == id && a.AgencyId == own, ct) ? batch : null;
    }

    private IQueryable<ReviewFileRow> VisibleFiles(long batchId)
    {
        var files = db.ReviewFiles.AsNoTracking().Where(f => f.BatchId == batchId);
        if (SeesAllFiles)
            return files;
        var own = OwnAgency;
        return files.Where(f => f.AgencyId == own);
    }

    public async Task<Outcome<PageOf<ReviewBatchSummary>>> ListAsync(Paging paging, CancellationToken ct = default)
    {
        var batches = db.ReviewBatches.AsNoTracking();
        if (!SeesAllFiles)
        {
            var own = OwnAgency;
            batches = batches.Where(b => db.ReviewAgencies.Any(a => a.BatchId == b.Id && a.AgencyId == own));
        }
        var total = await batches.CountAsync(ct);
        var rows = await batches.OrderByDescending(b => b.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var agencies = await db.ReviewAgencies.AsNoTracking().Where(a => ids.Contains(a.BatchId))
            .GroupBy(a => a.BatchId).Select(g => new { g.Key, Count = g.Count(), Files = g.Sum(a => a.Drawn) }).ToDictionaryAsync(x => x.Key, ct);
        return new PageOf<ReviewBatchSummary>(rows.Select(b => new ReviewBatchSummary(b.Id, b.Title, b.PeriodFrom, b.PeriodTo, b.Status.ToString(),
            StatusName(b.Status), agencies.GetValueOrDefault(b.Id)?.Count ?? 0, agencies.GetValueOrDefault(b.Id)?.Files ?? 0, b.CreatedAt)).ToList(), total);
    }

    public static string StatusName(ReviewBatchStatus status) => status.ToChinese();

    public async Task<Outcome<ReviewBatchView>> GetAsync(long id, CancellationToken ct = default)
    {
        if (await VisibleBatchAsync(id, ct) is not { } batch)
            return BatchNotFound(id);
        var rubric = ReviewDraws.RubricOf(batch);
        var scale = ReviewDraws.ScaleOf(batch);
        var scopeAgencies = await ScopeAgenciesAsync(id, ct);
        var names = scopeAgencies.ToDictionary(a => a.AgencyId);
        var agencyRows = SeesAllFiles ? scopeAgencies : scopeAgencies.Where(a => a.AgencyId == OwnAgency).ToList();
        var files = await FilesAsync(id, ct);
        var scores = await CurrentScoresAsync(VisibleFiles(id), ct);
        var findings = await FindingCountsAsync(id, ct);
        var summaries = files.Select(f =>
        {
            var s = Summarise(rubric, scale, scores.GetValueOrDefault(f.Id));
            return new ReviewFileSummary(f.Id, names[f.AgencyId].Code, names[f.AgencyId].Name, f.CaseId, f.Number, f.Position, s.Scored,
                rubric.Items.Count, s.Points, s.Score, s.Grade?.ToChinese(), findings.GetValueOrDefault(f.Id));
        }).ToList();
        return new ReviewBatchView(batch.Id, batch.Title, batch.PeriodFrom, batch.PeriodTo,
            ReviewDraws.CategoriesOf(batch).Select(c => c.ToChinese()).ToList(), batch.SampleCount, batch.SampleRatio, batch.MinimumPerAgency,
            ReviewDraws.RuleOf(batch).Describe(), batch.Seed, rubric.Items.Select(i => new RubricItemView(i.Code, i.Area, i.Title, i.MaxPoints)).ToList(),
            rubric.Total, batch.ExcellentFrom, batch.GoodFrom, batch.PassFrom, batch.Status.ToString(), StatusName(batch.Status), batch.CreatedBy,
            batch.CreatedAt, batch.FinishedBy, batch.FinishedAt,
            agencyRows.Select(a => new ReviewAgencyView(a.Code, a.Name, a.Candidates, a.Drawn)).ToList(), summaries, MayManage);
    }

    private sealed record FileRow(long Id, long AgencyId, long CaseId, string Number, int Position);

    private async Task<List<FileRow>> FilesAsync(long batchId, CancellationToken ct) =>
        await (from f in VisibleFiles(batchId)
               join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
               orderby f.AgencyId, f.Position
               select new FileRow(f.Id, f.AgencyId, f.CaseId, c.Number, f.Position)).ToListAsync(ct);

    private sealed record ScopeAgency(long AgencyId, string Code, string Name, int Candidates, int Drawn);

    /// <summary>Every agency of the batch's scope, by code (the caller's scope is applied by whoever shows them).</summary>
    private async Task<List<ScopeAgency>> ScopeAgenciesAsync(long batchId, CancellationToken ct) =>
        await (from a in db.ReviewAgencies.AsNoTracking()
               join g in db.Agencies.AsNoTracking() on a.AgencyId equals g.Id
               where a.BatchId == batchId
               orderby g.Code
               select new ScopeAgency(a.AgencyId, g.Code, g.Name, a.Candidates, a.Drawn)).ToListAsync(ct);

    /// <summary>The current points of each (file, item) of <paramref name="files"/>: the latest row given.</summary>
    private async Task<Dictionary<long, Dictionary<string, decimal>>> CurrentScoresAsync(IQueryable<ReviewFileRow> files, CancellationToken ct)
    {
        var rows = await (from s in db.ReviewScores.AsNoTracking()
                          join f in files on s.FileId equals f.Id
                          select new { s.Id, s.FileId, s.ItemCode, s.Points }).ToListAsync(ct);
        return rows.GroupBy(r => r.FileId).ToDictionary(g => g.Key,
            g => g.GroupBy(r => r.ItemCode).ToDictionary(i => i.Key, i => i.MaxBy(r => r.Id)!.Points, StringComparer.Ordinal));
    }

    private async Task<Dictionary<long, int>> FindingCountsAsync(long batchId, CancellationToken ct) =>
        await (from n in db.ReviewFindings.AsNoTracking()
               join f in VisibleFiles(batchId) on n.FileId equals f.Id
               group n by n.FileId into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private sealed record FileScore(int Scored, decimal? Points, decimal? Score, ReviewGrade? Grade);

    /// <summary>A file's points once every rubric item has some; its score is their percentage of the rubric's total.</summary>
    private static FileScore Summarise(ReviewRubric rubric, GradeScale scale, Dictionary<string, decimal>? current)
    {
        if (current is null)
            return new FileScore(0, null, null, null);
        var scored = rubric.Items.Count(i => current.ContainsKey(i.Code));
        if (scored < rubric.Items.Count)
            return new FileScore(scored, null, null, null);
        var points = rubric.Items.Sum(i => current[i.Code]);
        var percent = rubric.Percent(points);
        return new FileScore(scored, points, percent, scale.Grade(percent));
    }

    public async Task<Outcome<ReviewFileView>> FileAsync(long batchId, long fileId, CancellationToken ct = default)
    {
        if (await VisibleBatchAsync(batchId, ct) is not { } batch)
            return BatchNotFound(batchId);
        var file = await (from f in VisibleFiles(batchId)
                          join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
                          join g in db.Agencies.AsNoTracking() on f.AgencyId equals g.Id
                          where f.Id == fileId
                          select new { f.Id, f.AgencyId, f.CaseId, c.Number, g.Code, g.Name }).FirstOrDefaultAsync(ct);
        if (file is null)
            return FileNotFound(fileId);
        var rubric = ReviewDraws.RubricOf(batch);
        var scale = ReviewDraws.ScaleOf(batch);
        var scores = await db.ReviewScores.AsNoTracking().Where(s => s.FileId == fileId).OrderBy(s => s.Id).ToListAsync(ct);
        var findings = await db.ReviewFindings.AsNoTracking().Where(n => n.FileId == fileId).OrderBy(n => n.Id).ToListAsync(ct);
        var items = rubric.Items.Select(i =>
        {
            var given = scores.Where(s => s.ItemCode == i.Code).ToList();
            var last = given.LastOrDefault();
            return new FileItemView(i.Code, i.Area, i.Title, i.MaxPoints, last?.Points, last?.Note, last?.ScoredBy, last?.ScoredAt,
                given.Select(s => new ScoreHistoryView(s.Points, s.Note, s.ScoredBy, s.ScoredAt)).ToList());
        }).ToList();
        var current = items.Where(i => i.Points is not null).ToDictionary(i => i.Code, i => i.Points!.Value, StringComparer.Ordinal);
        var summary = Summarise(rubric, scale, current);
        return new ReviewFileView(file.Id, batch.Id, batch.Title, batch.Status.ToString(), file.CaseId, file.Number, file.Code, file.Name, items,
            summary.Scored, current.Values.Sum(), rubric.Total, summary.Score, summary.Grade?.ToChinese(),
            findings.Select(n => new FindingView(n.Id, n.ItemCode, rubric.Find(n.ItemCode)?.Title ?? n.ItemCode, n.Text, n.RecordedBy, n.RecordedAt)).ToList(),
            batch.Status == ReviewBatchStatus.Open && MayScore(file.AgencyId));
    }

    /// <summary>
    /// Results per agency (files, scored files, average score and its grade, files per grade, findings per rubric item)
    /// and, for the supervision office, the batch total. An agency's staff (a reviewer included) get their agency's row only.
    /// </summary>
    public async Task<Outcome<ReviewResultsView>> ResultsAsync(long batchId, CancellationToken ct = default)
    {
        if (await VisibleBatchAsync(batchId, ct) is not { } batch)
            return BatchNotFound(batchId);
        var rubric = ReviewDraws.RubricOf(batch);
        var scale = ReviewDraws.ScaleOf(batch);
        var agencies = await ScopeAgenciesAsync(batchId, ct);
        if (!scope.SeesAllAgencies)
            agencies = agencies.Where(a => a.AgencyId == OwnAgency).ToList();
        var ids = agencies.Select(a => a.AgencyId).ToList();
        var shown = db.ReviewFiles.AsNoTracking().Where(f => f.BatchId == batchId && ids.Contains(f.AgencyId));
        var files = await shown.Select(f => new { f.Id, f.AgencyId }).ToListAsync(ct);
        var current = await CurrentScoresAsync(shown, ct);
        var findingRows = await (from n in db.ReviewFindings.AsNoTracking()
                                 join f in shown on n.FileId equals f.Id
                                 select new { f.AgencyId, n.ItemCode }).ToListAsync(ct);
        var scored = files.Select(f => (f.AgencyId, Score: Summarise(rubric, scale, current.GetValueOrDefault(f.Id)))).ToList();

        List<GradeCount> Grades(IEnumerable<FileScore> s) =>
            Enum.GetValues<ReviewGrade>().Select(g => new GradeCount(g.ToString(), g.ToChinese(), s.Count(x => x.Grade == g))).ToList();
        List<ItemFindings> ByItem(IEnumerable<string> codes)
        {
            var counts = codes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return rubric.Items.Select(i => new ItemFindings(i.Code, i.Area, i.Title, counts.GetValueOrDefault(i.Code))).ToList();
        }
        (decimal? Average, string? Grade) Average(IReadOnlyCollection<FileScore> s)
        {
            var done = s.Where(x => x.Score is not null).Select(x => x.Score!.Value).ToList();
            if (done.Count == 0)
                return (null, null);
            var average = decimal.Round(done.Sum() / done.Count, 1, MidpointRounding.AwayFromZero);
            return (average, scale.Grade(average).ToChinese());
        }

        var results = agencies.Select(a =>
        {
            var own = scored.Where(s => s.AgencyId == a.AgencyId).Select(s => s.Score).ToList();
            var (average, grade) = Average(own);
            var found = findingRows.Where(n => n.AgencyId == a.AgencyId).Select(n => n.ItemCode).ToList();
            return new AgencyResult(a.Code, a.Name, a.Candidates, own.Count, own.Count(s => s.Score is not null), average, grade, Grades(own),
                found.Count, ByItem(found));
        }).ToList();
        BatchTotal? total = null;
        if (scope.SeesAllAgencies)
        {
            var all = scored.Select(s => s.Score).ToList();
            var (average, grade) = Average(all);
            total = new BatchTotal(all.Count, scored.Select(s => s.AgencyId).Distinct().Count(), all.Count(s => s.Score is not null), average, grade,
                Grades(all), findingRows.Count, ByItem(findingRows.Select(n => n.ItemCode)));
        }
        return new ReviewResultsView(batch.Id, batch.Title, batch.Status.ToString(), StatusName(batch.Status), results, total);
    }
}
