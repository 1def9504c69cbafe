namespace Zhifa.CaseFileReviews;

/// <summary>A rubric item as a client sends it.</summary>
public sealed record RubricItemInput(string? Code, string? Area, string? Title, decimal? MaxPoints);

/// <summary>
/// A new 案卷评查 batch: title, period (yyyy-MM-dd), the scope's agency codes, case categories (default 行政处罚), either a
/// count or a ratio per agency and a minimum per agency, an optional seed (drawn at random when absent), an optional
/// rubric (the default otherwise) and optional grade thresholds.
/// </summary>
public sealed record CreateBatchRequest(string? Title, string? PeriodFrom, string? PeriodTo, string[]? Agencies, string[]? Categories,
    int? Count, decimal? Ratio, int? MinimumPerAgency, long? Seed, RubricItemInput[]? Rubric,
    decimal? ExcellentFrom, decimal? GoodFrom, decimal? PassFrom);

/// <summary>Points for some rubric items of a file, each with an optional note.</summary>
public sealed record ScoreRequest(ScoreItemInput[]? Items);

public sealed record ScoreItemInput(string? Code, decimal? Points, string? Note);

/// <summary>A problem found in a file under one rubric item.</summary>
public sealed record FindingRequest(string? ItemCode, string? Text);

public sealed record RubricItemView(string Code, string Area, string Title, decimal MaxPoints);

public sealed record ReviewAgencyView(string Code, string Name, int Candidates, int Drawn);

/// <summary>A file of a batch's sample with its progress: items scored, score (once every item is), grade, findings.</summary>
public sealed record ReviewFileSummary(long Id, string AgencyCode, string AgencyName, long CaseId, string CaseNumber, int Position,
    int ScoredItems, int Items, decimal? Points, decimal? Score, string? Grade, int Findings);

public sealed record ReviewBatchSummary(long Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, string Status, string StatusName,
    int Agencies, int Files, DateTimeOffset CreatedAt);

public sealed record ReviewBatchView(long Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, IReadOnlyList<string> Categories,
    int? Count, decimal? Ratio, int MinimumPerAgency, string Sampling, long Seed, IReadOnlyList<RubricItemView> Rubric, decimal RubricTotal,
    decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom, string Status, string StatusName, string CreatedBy, DateTimeOffset CreatedAt,
    string? FinishedBy, DateTimeOffset? FinishedAt, IReadOnlyList<ReviewAgencyView> Agencies, IReadOnlyList<ReviewFileSummary> Files,
    bool MayManage);

public sealed record ScoreHistoryView(decimal Points, string Note, string ScoredBy, DateTimeOffset ScoredAt);

/// <summary>A rubric item of a file: its current points (the latest given) and every earlier one.</summary>
public sealed record FileItemView(string Code, string Area, string Title, decimal MaxPoints, decimal? Points, string? Note,
    string? ScoredBy, DateTimeOffset? ScoredAt, IReadOnlyList<ScoreHistoryView> History);

public sealed record FindingView(long Id, string ItemCode, string ItemTitle, string Text, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ReviewFileView(long Id, long BatchId, string BatchTitle, string BatchStatus, long CaseId, string CaseNumber,
    string AgencyCode, string AgencyName, IReadOnlyList<FileItemView> Items, int ScoredItems, decimal Points, decimal RubricTotal,
    decimal? Score, string? Grade, IReadOnlyList<FindingView> Findings, bool MayScore);

public sealed record GradeCount(string Grade, string GradeName, int Files);

public sealed record ItemFindings(string Code, string Area, string Title, int Findings);

/// <summary>One agency's results: files drawn and scored, average score and its grade, files per grade, findings per rubric item.</summary>
public sealed record AgencyResult(string Code, string Name, int Candidates, int Files, int ScoredFiles, decimal? AverageScore,
    string? Grade, IReadOnlyList<GradeCount> Grades, int Findings, IReadOnlyList<ItemFindings> FindingsByItem);

/// <summary>The batch as a whole (the shape of a district's report: N 件案卷, M 个单位, K 条问题).</summary>
public sealed record BatchTotal(int Files, int Units, int ScoredFiles, decimal? AverageScore, string? Grade, IReadOnlyList<GradeCount> Grades,
    int Findings, IReadOnlyList<ItemFindings> FindingsByItem);

public sealed record ReviewResultsView(long BatchId, string Title, string Status, string StatusName, IReadOnlyList<AgencyResult> Agencies,
    BatchTotal? Total);
