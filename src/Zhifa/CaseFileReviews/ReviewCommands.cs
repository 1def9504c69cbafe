using Microsoft.EntityFrameworkCore;
using Zhifa.Data.CaseFileReviews;
using Zhifa.Data.Storage;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Web;

namespace Zhifa.CaseFileReviews;

/// <summary>
/// The writes of 案卷评查 (ADR-017): a batch is created with its sample in one transaction; scores and findings are appended
/// (a corrected score is a new row, the earlier stays); finishing closes the batch once every file is scored. Missing or
/// unreadable fields are 400; a rule that refuses a value (points above an item's maximum, an unknown item, a reversed
/// period …) is 422 with the field named; nothing is written unless everything is valid.
/// </summary>
public sealed class ReviewCommands(ZhifaDbContext db, CallerScope scope, ReviewQueries queries, TimeProvider clock, WriteQueue writes)
{
    public const int MaxTitleLength = 200;
    public const int MaxAgencies = 500;

    private static AppError Rules(Dictionary<string, string[]> errors, string code) =>
        new(FailureKind.RuleBroken, code, string.Join(";", errors.SelectMany(e => e.Value)), errors.Keys.First()) { Errors = errors };

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var had) ? [.. had, message] : [message];

    public async Task<Outcome<ReviewBatchView>> CreateAsync(CreateBatchRequest body, CancellationToken ct = default)
    {
        if (!queries.MayManage)
            return AppError.Forbidden("只有执法监督机构或系统管理员可以组织案卷评查");

        // 400: what is missing or unreadable.
        var missing = new Dictionary<string, string[]>();
        DateOnly from = default, to = default;
        if (string.IsNullOrWhiteSpace(body.Title))
            Add(missing, "title", "请填写评查批次名称(title)");
        if (string.IsNullOrWhiteSpace(body.PeriodFrom))
            Add(missing, "periodFrom", "请填写评查期间的开始日期(periodFrom)");
        else if (!DateOnly.TryParseExact(body.PeriodFrom.Trim(), "yyyy-MM-dd", out from))
            Add(missing, "periodFrom", $"开始日期\"{body.PeriodFrom}\"不是 yyyy-MM-dd 格式的日期");
        if (string.IsNullOrWhiteSpace(body.PeriodTo))
            Add(missing, "periodTo", "请填写评查期间的结束日期(periodTo)");
        else if (!DateOnly.TryParseExact(body.PeriodTo.Trim(), "yyyy-MM-dd", out to))
            Add(missing, "periodTo", $"结束日期\"{body.PeriodTo}\"不是 yyyy-MM-dd 格式的日期");
        var codes = (body.Agencies ?? []).Select(c => c?.Trim() ?? "").ToList();
        if (codes.Count == 0 || codes.All(string.IsNullOrEmpty))
            Add(missing, "agencies", "请列出被评查的执法机关编码(agencies)");
        if (missing.Count > 0)
            return AppError.Invalid(missing);

        // 422: the rules of a batch.
        var errors = new Dictionary<string, string[]>();
        var title = body.Title!.Trim();
        if (title.Length > MaxTitleLength)
            Add(errors, "title", $"评查批次名称不得超过 {MaxTitleLength} 个字符");
        if (from > to)
            Add(errors, "periodTo", $"评查期间的结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}");
        if (codes.Count > MaxAgencies)
            Add(errors, "agencies", $"一个批次最多评查 {MaxAgencies} 个执法机关");
        var known = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!known.ContainsKey(codes[i]))
                Add(errors, $"agencies[{i}]", $"执法机关编码\"{codes[i]}\"不存在");
            else if (!seen.Add(codes[i]))
                Add(errors, $"agencies[{i}]", $"执法机关编码\"{codes[i]}\"重复");
        }
        var categories = new List<PowerCategory>();
        var categoryTexts = body.Categories is { Length: > 0 } given ? given : ["行政处罚"];
        for (var i = 0; i < categoryTexts.Length; i++)
        {
            var text = categoryTexts[i]?.Trim() ?? "";
            if ((PowerCategoryNames.TryParseChinese(text, out var c) || (Enum.TryParse(text, false, out c) && Enum.IsDefined(c)))
                && PowerCategoryNames.CaseCategories.Contains(c))
            {
                if (!categories.Contains(c))
                    categories.Add(c);
            }
            else
                Add(errors, $"categories[{i}]", $"案件类别\"{text}\"无效,应为:{PowerCategoryNames.CaseCategoriesChinese}");
        }
        var rule = SamplingRule.Create(body.Count, body.Ratio, body.MinimumPerAgency);
        if (!rule.IsSuccess)
            Add(errors, rule.Error.Code switch
            {
                "review.sampling_ratio" => "ratio",
                "review.sampling_minimum" => "minimumPerAgency",
                _ => "count",
            }, rule.Error.Message);
        if (body.Seed is { } s && (s < 0 || s > ReviewSampler.MaxSeed))
            Add(errors, "seed", $"随机种子(seed)应为 0 到 {ReviewSampler.MaxSeed} 之间的整数");
        var rubric = ReviewRubric.Default;
        if (body.Rubric is { } items)
        {
            rubric = new ReviewRubric(items.Select(x => new RubricItem(x.Code?.Trim() ?? "", x.Area?.Trim() ?? "", x.Title?.Trim() ?? "", x.MaxPoints ?? 0m)).ToList());
            foreach (var (field, message) in ReviewRubric.Problems(rubric.Items))
                Add(errors, field, message);
        }
        var scale = GradeScale.Create(body.ExcellentFrom, body.GoodFrom, body.PassFrom);
        if (!scale.IsSuccess)
            Add(errors, "excellentFrom", scale.Error.Message);
        if (errors.Count > 0)
            return Rules(errors, "review.invalid");

        var agencies = codes.Distinct(StringComparer.Ordinal).Select(c => known[c]).ToList();
        var candidates = await ReviewDraws.CandidatesAsync(db, agencies.Select(a => a.Id).ToList(), categories, from, to, ct);
        var seed = body.Seed ?? ReviewSampler.NewSeed();
        var byNumber = candidates.ToDictionary(c => c.Number, StringComparer.Ordinal);
        var samples = agencies.Select(a => (Agency: a, Sample: ReviewSampler.DrawOne(seed,
            new AgencyCandidates(a.Code, candidates.Where(c => c.AgencyId == a.Id).Select(c => c.Number).ToList()), rule.Value))).ToList();
        if (samples.Sum(x => x.Sample.CaseNumbers.Count) == 0)
            return new AppError(FailureKind.RuleBroken, "review.no_candidates",
                $"所选执法机关在 {from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 没有已办结的{string.Join("、", categories.Select(c => c.ToChinese()))}案卷,无可抽取的案卷",
                "periodFrom");

        var batch = new ReviewBatchRow
        {
            Title = title, PeriodFrom = from, PeriodTo = to, Categories = ReviewDraws.CategoriesText(categories),
            SampleCount = rule.Value.Count, SampleRatio = rule.Value.Ratio, MinimumPerAgency = rule.Value.MinimumPerAgency, Seed = seed,
            Rubric = ReviewDraws.RubricJson(rubric), ExcellentFrom = scale.Value.ExcellentFrom, GoodFrom = scale.Value.GoodFrom,
            PassFrom = scale.Value.PassFrom, Status = ReviewBatchStatus.Open, CreatedBy = scope.UserName!, CreatedAt = clock.GetUtcNow(),
        };
        using (await writes.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ReviewBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            foreach (var (agency, sample) in samples)
            {
                db.ReviewAgencies.Add(new ReviewAgencyRow
                {
                    BatchId = batch.Id, AgencyId = agency.Id, Candidates = sample.Candidates, CandidatesDigest = sample.CandidatesDigest,
                    Drawn = sample.CaseNumbers.Count,
                });
                for (var i = 0; i < sample.CaseNumbers.Count; i++)
                    db.ReviewFiles.Add(new ReviewFileRow { BatchId = batch.Id, AgencyId = agency.Id, CaseId = byNumber[sample.CaseNumbers[i]].Id, Position = i });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return await queries.GetAsync(batch.Id, ct);
    }

    /// <summary>The open batch and a file of it the caller may score, or why not.</summary>
    private async Task<Outcome<(ReviewBatchRow Batch, ReviewFileRow File)>> ScorableAsync(long batchId, long fileId, CancellationToken ct)
    {
        if (await queries.VisibleBatchAsync(batchId, ct) is not { } batch)
            return ReviewQueries.BatchNotFound(batchId);
        var file = await db.ReviewFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.BatchId == batchId, ct);
        if (file is null || !queries.SeesFileOf(file.AgencyId))
            return ReviewQueries.FileNotFound(fileId);
        if (!queries.MayScore(file.AgencyId))
            return AppError.Forbidden(scope.AgencyId == file.AgencyId && scope.Role == Zhifa.Data.Accounts.Roles.Reviewer
                ? "评查人员应当回避:不得评查本机关的案卷"
                : "只有执法监督机构、系统管理员或其他机关的法制审核人员(交叉评查)可以评查案卷");
        if (ReviewBatchTransitions.Record(batch.Status, batch.Title) is { } closed)
            return AppError.Rule(closed);
        return (batch, file);
    }

    public async Task<Outcome<ReviewFileView>> ScoreAsync(long batchId, long fileId, ScoreRequest body, CancellationToken ct = default)
    {
        var target = await ScorableAsync(batchId, fileId, ct);
        if (!target.IsSuccess)
            return target.Error;
        var items = body.Items ?? [];
        var missing = new Dictionary<string, string[]>();
        if (items.Length == 0)
            Add(missing, "items", "请至少给一个评分项打分(items)");
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null || string.IsNullOrWhiteSpace(items[i].Code))
                Add(missing, $"items[{i}].code", $"第 {i + 1} 项请填写评分项编码(code)");
            if (items[i]?.Points is null)
                Add(missing, $"items[{i}].points", $"第 {i + 1} 项请填写得分(points)");
        }
        if (missing.Count > 0)
            return AppError.Invalid(missing);

        var rubric = ReviewDraws.RubricOf(target.Value.Batch);
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            var code = items[i].Code!.Trim();
            if (rubric.Find(code) is not { } item)
                Add(errors, $"items[{i}].code", $"评分项\"{code}\"不在本批次的评分细则中,应为:{string.Join("、", rubric.Items.Select(x => x.Code))}");
            else if (!seen.Add(code))
                Add(errors, $"items[{i}].code", $"评分项\"{code}\"在本次评分中重复");
            else if (ReviewRubric.CheckPoints(item, items[i].Points!.Value) is { } wrong)
                Add(errors, $"items[{i}].points", wrong.Message);
            if ((items[i].Note?.Trim().Length ?? 0) > ReviewScoreRow.MaxNoteLength)
                Add(errors, $"items[{i}].note", $"第 {i + 1} 项的说明不得超过 {ReviewScoreRow.MaxNoteLength} 个字符");
        }
        if (errors.Count > 0)
            return Rules(errors, errors.Keys.Any(k => k.EndsWith(".points", StringComparison.Ordinal)) ? "review.points_out_of_range" : "review.unknown_item");

        // A score equal to the item's current one (a retried request, an unchanged form field) adds no row.
        var current = (await db.ReviewScores.AsNoTracking().Where(x => x.FileId == fileId).ToListAsync(ct))
            .GroupBy(x => x.ItemCode).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var x in items.Where(x => !(current.TryGetValue(x.Code!.Trim(), out var had) && had.Points == x.Points && had.Note == (x.Note?.Trim() ?? ""))))
            db.ReviewScores.Add(new ReviewScoreRow
            {
                FileId = fileId, ItemCode = x.Code!.Trim(), Points = x.Points!.Value, Note = x.Note?.Trim() ?? "", ScoredBy = scope.UserName!, ScoredAt = now,
            });
        using (await writes.EnterAsync(ct))
            await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await queries.FileAsync(batchId, fileId, ct);
    }

    public async Task<Outcome<FindingView>> AddFindingAsync(long batchId, long fileId, FindingRequest body, CancellationToken ct = default)
    {
        var target = await ScorableAsync(batchId, fileId, ct);
        if (!target.IsSuccess)
            return target.Error;
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.ItemCode))
            Add(missing, "itemCode", "请填写问题所属的评分项编码(itemCode)");
        if (string.IsNullOrWhiteSpace(body.Text))
            Add(missing, "text", "请填写发现的问题(text)");
        if (missing.Count > 0)
            return AppError.Invalid(missing);
        var rubric = ReviewDraws.RubricOf(target.Value.Batch);
        var code = body.ItemCode!.Trim();
        var text = body.Text!.Trim();
        var errors = new Dictionary<string, string[]>();
        if (rubric.Find(code) is null)
            Add(errors, "itemCode", $"评分项\"{code}\"不在本批次的评分细则中,应为:{string.Join("、", rubric.Items.Select(x => x.Code))}");
        if (text.Length > ReviewFindingRow.MaxTextLength)
            Add(errors, "text", $"问题描述不得超过 {ReviewFindingRow.MaxTextLength} 个字符");
        if (errors.Count > 0)
            return Rules(errors, "review.unknown_item");

        var row = new ReviewFindingRow { FileId = fileId, ItemCode = code, Text = text, RecordedBy = scope.UserName!, RecordedAt = clock.GetUtcNow() };
        db.ReviewFindings.Add(row);
        using (await writes.EnterAsync(ct))
            await db.SaveChangesAsync(ct);
        return new FindingView(row.Id, code, rubric.Find(code)!.Title, text, row.RecordedBy, row.RecordedAt);
    }

    /// <summary>Closes an open batch once every file has points for every rubric item; its results are then final.</summary>
    public async Task<Outcome<ReviewBatchView>> FinishAsync(long batchId, CancellationToken ct = default)
    {
        if (!queries.MayManage)
            return AppError.Forbidden("只有执法监督机构或系统管理员可以结束案卷评查");
        var batch = await db.ReviewBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
            return ReviewQueries.BatchNotFound(batchId);
        var view = await queries.GetAsync(batchId, ct);
        var finished = ReviewBatchTransitions.Finish(batch.Status, batch.Title,
            view.Value.Files.Where(f => f.ScoredItems < f.Items).Select(f => f.CaseNumber).ToList());
        if (!finished.IsSuccess)
            return AppError.Rule(finished.Error);
        batch.Status = finished.Value;
        batch.FinishedBy = scope.UserName;
        batch.FinishedAt = clock.GetUtcNow();
        using (await writes.EnterAsync(ct))
            await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await queries.GetAsync(batchId, ct);
    }
}
