namespace Zhifa.Data.Statistics;

/// <summary>Cases by 案件类别 as statistics.md splits them.</summary>
public sealed record CaseCounts(long Total, long Inspection, long Penalty, long Other);

public sealed record ZeroEnforcementMonth(string Agency, string Month);

/// <summary>One agency's line of the report's tables.</summary>
public sealed record AgencyFigures(string Code, string Name, string Category, long CertifiedOfficers, long ParticipatingOfficers,
    CaseCounts Cases, int ZeroEnforcementMonths)
{
    /// <summary>Fines of the agency's penalty decisions decided in the period, in fen.</summary>
    public long FinesFen { get; init; }
}

/// <summary>Every figure of shared/spec/statistics.md for one period and scope; the one definition all outputs use.</summary>
public sealed record SupervisionFigures
{
    public required StatisticsPeriod Period { get; init; }
    public required StatisticsScope Scope { get; init; }

    /// <summary>The region the figures cover: the scope's region, or the smallest region covering its agencies.</summary>
    public string? Region { get; init; }
    public long Agencies { get; init; }
    public long CertifiedOfficers { get; init; }
    public long LegalReviewers { get; init; }
    public long NewCertificates { get; init; }
    public long RevokedCertificates { get; init; }
    public required CaseCounts Cases { get; init; }

    /// <summary>Cases by filing month ("yyyy-MM"), every month the period touches, in order (not part of the JSON keys).</summary>
    public IReadOnlyList<KeyValuePair<string, CaseCounts>> ByMonth { get; init; } = [];

    /// <summary>Keyed by the Chinese 机关类别, categories present in scope only, in the order of the enum.</summary>
    public required IReadOnlyList<KeyValuePair<string, CaseCounts>> ByAgencyCategory { get; init; }
    public long PreviousYearCases { get; init; }
    public double? YoyCaseGrowth { get; init; }
    public double? OfficerParticipationRate { get; init; }
    public double? AgencyEnforcementRate { get; init; }
    public double? PowerExerciseRate { get; init; }
    public required IReadOnlyList<ZeroEnforcementMonth> ZeroEnforcementMonths { get; init; }
    public required IReadOnlyList<string> OverduePenaltyCases { get; init; }
    public required IReadOnlyList<string> LatePublicity { get; init; }
    public required IReadOnlyList<string> UnpublishedDecisions { get; init; }

    /// <summary>Sum of fines in fen (分).</summary>
    public long FinesFen { get; init; }

    /// <summary>Per agency of the scope existing at the period end, by code (not part of the JSON keys).</summary>
    public IReadOnlyList<AgencyFigures> PerAgency { get; init; } = [];

    /// <summary>True when a deadline behind the lists fell in a year without a loaded holiday schedule.</summary>
    public bool Provisional { get; init; }
}

/// <summary>A closed range of days.</summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public static StatisticsPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public StatisticsPeriod OneYearEarlier() => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>True when the period is exactly one calendar year.</summary>
    public bool IsCalendarYear => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31);
}

/// <summary>Everything, a region (GB/T 2260 code) or one agency.</summary>
public sealed record StatisticsScope(string? RegionCode, string? AgencyCode)
{
    public static readonly StatisticsScope All = new(null, null);

    public static StatisticsScope ForRegion(string code) => new(code, null);

    public static StatisticsScope ForAgency(string code) => new(null, code);
}
