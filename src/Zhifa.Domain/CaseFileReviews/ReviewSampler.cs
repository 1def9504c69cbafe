using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.CaseFileReviews;

/// <summary>How many files of each agency a batch draws: a count or a ratio of its candidates, and at least a minimum.</summary>
public sealed record SamplingRule(int? Count, decimal? Ratio, int MinimumPerAgency)
{
    public const int MaxCount = 10_000;

    public static Result<SamplingRule> Create(int? count, decimal? ratio, int? minimumPerAgency)
    {
        if (count is null == ratio is null)
            return new DomainError("review.sampling_mode", "抽样方式应在每个机关抽取件数(count)和抽取比例(ratio)中选且只选一种");
        if (count is { } c && (c < 1 || c > MaxCount))
            return new DomainError("review.sampling_count", $"每个机关抽取件数(count)应为 1 到 {MaxCount} 之间的整数");
        if (ratio is { } r && (r <= 0m || r > 1m || decimal.Round(r, 4) != r))
            return new DomainError("review.sampling_ratio", "抽取比例(ratio)应大于 0、不超过 1,最多四位小数(如 0.1 表示 10%)");
        var minimum = minimumPerAgency ?? 0;
        if (minimum < 0 || minimum > MaxCount)
            return new DomainError("review.sampling_minimum", $"每个机关最少抽取件数(minimumPerAgency)应为 0 到 {MaxCount} 之间的整数");
        return new SamplingRule(count, ratio, minimum);
    }

    /// <summary>
    /// How many of <paramref name="candidates"/> files are drawn: the count, or the ratio rounded up; raised to the
    /// minimum; never more than there are.
    /// </summary>
    public int SizeFor(int candidates)
    {
        var wanted = Count ?? (int)decimal.Ceiling(Ratio!.Value * candidates);
        return Math.Min(candidates, Math.Max(wanted, MinimumPerAgency));
    }

    public string Describe() => (Count is { } c ? $"每个机关抽取 {c} 件" : $"每个机关抽取 {Ratio!.Value * 100m:0.##}%")
                                + (MinimumPerAgency > 0 ? $",每个机关至少 {MinimumPerAgency} 件" : "");
}

/// <summary>One agency's closed case files that a batch may draw: the agency's code and the case numbers.</summary>
public sealed record AgencyCandidates(string AgencyCode, IReadOnlyList<string> CaseNumbers);

/// <summary>What was drawn for one agency: the files in draw order, and how many candidates there were and their digest.</summary>
public sealed record AgencySample(string AgencyCode, int Candidates, string CandidatesDigest, IReadOnlyList<string> CaseNumbers);

/// <summary>
/// The sample of a 案卷评查 batch as a pure function of (seed, candidates, rule), so that anyone holding the recorded seed
/// and the list of candidates re-derives it exactly (ADR-017):
/// <list type="number">
/// <item>each agency's candidate case numbers are sorted by ordinal (UTF-16 code unit) order and de-duplicated;</item>
/// <item>the agency's stream is <see cref="SplitMix64"/> started at <c>seed XOR FNV-1a-64(UTF-8 agency code)</c>;</item>
/// <item>k = <see cref="SamplingRule.SizeFor"/>(n); a partial Fisher–Yates shuffle: for i = 0 … k−1, j = i + Below(n − i),
/// swap items i and j; the first k items, in that order, are the sample.</item>
/// </list>
/// </summary>
public static class ReviewSampler
{
    /// <summary>Seeds are 0 … 2^53 − 1, so that a seed survives a JSON number in any client (JavaScript included).</summary>
    public const long MaxSeed = (1L << 53) - 1;

    public static long NewSeed() => (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11);

    public static IReadOnlyList<AgencySample> Draw(long seed, IEnumerable<AgencyCandidates> agencies, SamplingRule rule)
    {
        if (seed < 0 || seed > MaxSeed)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "seed out of range");
        return agencies.Select(a => DrawOne(seed, a, rule)).ToList();
    }

    public static AgencySample DrawOne(long seed, AgencyCandidates agency, SamplingRule rule)
    {
        var items = agency.CaseNumbers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var n = items.Length;
        var k = rule.SizeFor(n);
        var random = new SplitMix64((ulong)seed ^ SplitMix64.Fnv1a(agency.AgencyCode));
        for (var i = 0; i < k; i++)
        {
            var j = i + (int)random.Below((ulong)(n - i));
            (items[i], items[j]) = (items[j], items[i]);
        }
        return new AgencySample(agency.AgencyCode, n, Digest(agency.CaseNumbers), items[..k]);
    }

    /// <summary>Lowercase hex SHA-256 of the sorted, distinct case numbers joined by line feeds (UTF-8): the candidate list a sample came from.</summary>
    public static string Digest(IEnumerable<string> caseNumbers)
    {
        var text = string.Join('\n', caseNumbers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static bool TryParseSeed(string? text, out long seed) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed) && seed <= MaxSeed;
}
