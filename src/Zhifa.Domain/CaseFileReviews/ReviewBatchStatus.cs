using Zhifa.Domain.Common;

namespace Zhifa.Domain.CaseFileReviews;

/// <summary>The state of a review batch: open for scoring and findings, or finished (its results final).</summary>
public enum ReviewBatchStatus
{
    Open,
    Finished,
}

/// <summary>What may happen to a batch in each state: the one transition table of 案卷评查.</summary>
public static class ReviewBatchTransitions
{
    /// <summary>Scores and findings are recorded only while the batch is open.</summary>
    public static DomainError? Record(ReviewBatchStatus status, string title) =>
        status == ReviewBatchStatus.Open ? null
            : new DomainError("review.finished", $"评查批次\"{title}\"已完成,不能再评分或记录问题");

    /// <summary>Open → Finished, once every drawn file has points for every rubric item.</summary>
    public static Result<ReviewBatchStatus> Finish(ReviewBatchStatus status, string title, IReadOnlyList<string> unscoredFiles)
    {
        if (status != ReviewBatchStatus.Open)
            return new DomainError("review.finished", $"评查批次\"{title}\"已经完成");
        if (unscoredFiles.Count > 0)
            return new DomainError("review.unscored",
                $"尚有 {unscoredFiles.Count} 件案卷未评完全部评分项,不能结束评查:{string.Join("、", unscoredFiles.Take(5))}{(unscoredFiles.Count > 5 ? " 等" : "")}");
        return ReviewBatchStatus.Finished;
    }

    public static string ToChinese(this ReviewBatchStatus status) => status == ReviewBatchStatus.Open ? "评查中" : "已完成";
}
