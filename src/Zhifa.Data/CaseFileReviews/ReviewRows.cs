using Zhifa.Domain.CaseFileReviews;

namespace Zhifa.Data.CaseFileReviews;

/// <summary>
/// A 案卷评查 batch (V013, ADR-017): its scope's period and case categories, the sampling rule and the seed the sample was
/// drawn with, the rubric (JSON, frozen for the batch) and grade thresholds, who created and who finished it.
/// </summary>
public sealed class ReviewBatchRow
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    /// <summary>The case categories drawn from, as <c>PowerCategory</c> names separated by commas (e.g. <c>Penalty</c>).</summary>
    public string Categories { get; set; } = "";
    public int? SampleCount { get; set; }
    public decimal? SampleRatio { get; set; }
    public int MinimumPerAgency { get; set; }
    public long Seed { get; set; }

    /// <summary>The rubric's items as a JSON array of {code, area, title, maxPoints}.</summary>
    public string Rubric { get; set; } = "";
    public decimal ExcellentFrom { get; set; }
    public decimal GoodFrom { get; set; }
    public decimal PassFrom { get; set; }
    public ReviewBatchStatus Status { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? FinishedBy { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>An agency of a batch's scope: how many candidate files it had when drawn, their digest and how many were drawn.</summary>
public sealed class ReviewAgencyRow
{
    public long BatchId { get; set; }
    public long AgencyId { get; set; }
    public int Candidates { get; set; }
    public string CandidatesDigest { get; set; } = "";
    public int Drawn { get; set; }
}

/// <summary>A case file drawn into a batch, at its place in the agency's draw (0, 1, 2 …).</summary>
public sealed class ReviewFileRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long AgencyId { get; set; }
    public long CaseId { get; set; }
    public int Position { get; set; }
}

/// <summary>Points given for one rubric item of a file. Append-only: a correction is a later row, the earlier one stays.</summary>
public sealed class ReviewScoreRow
{
    public const int MaxNoteLength = 500;

    public long Id { get; set; }
    public long FileId { get; set; }
    public string ItemCode { get; set; } = "";
    public decimal Points { get; set; }
    public string Note { get; set; } = "";
    public string ScoredBy { get; set; } = "";
    public DateTimeOffset ScoredAt { get; set; }
}

/// <summary>A problem found in a file (评查意见) under one rubric item. Append-only.</summary>
public sealed class ReviewFindingRow
{
    public const int MaxTextLength = 1000;

    public long Id { get; set; }
    public long FileId { get; set; }
    public string ItemCode { get; set; } = "";
    public string Text { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
