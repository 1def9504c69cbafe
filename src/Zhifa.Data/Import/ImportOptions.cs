namespace Zhifa.Data.Import;

/// <summary>
/// What an import run may do, and the legal limits it checks rows against. The limits are configuration with
/// the defaults of shared/domain/legal-rules.md.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>Re-importing an existing key updates the row instead of refusing it.</summary>
    public bool Upsert { get; init; }

    /// <summary>行政处罚法 第五十一条: on-the-spot fine limit for a natural person, in yuan.</summary>
    public decimal SummaryFineLimitNaturalPerson { get; init; } = 200m;

    /// <summary>行政处罚法 第五十一条: on-the-spot fine limit for a legal person or other organisation, in yuan.</summary>
    public decimal SummaryFineLimitOrganisation { get; init; } = 3000m;

    /// <summary>Who runs the import, recorded with the certificate events it creates.</summary>
    public string Actor { get; init; } = "import";
}

/// <summary>What a file contributed: rows inserted and rows updated (upsert).</summary>
public sealed record ImportFileSummary(string File, long Inserted, long Updated);

public sealed record ImportOutcome(bool Committed, IReadOnlyList<ImportFileSummary> Files, int ErrorCount);
