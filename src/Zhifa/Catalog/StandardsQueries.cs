using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Catalog;

/// <summary>Where a benchmark or an exemption entry belongs, and who entered it (member-initialised, so that EF can filter on it).</summary>
internal abstract class StandardRow
{
    public string PowerCode { get; init; } = "";
    public string PowerName { get; init; } = "";
    public string AgencyCode { get; init; } = "";
    public string AgencyName { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
}

internal sealed class BenchmarkRow : StandardRow
{
    public DiscretionBenchmark Benchmark { get; init; } = null!;

    public BenchmarkView ToView(DateOnly today) => new(Benchmark.Id, PowerCode, PowerName, AgencyCode, AgencyName, Benchmark.PublishedOn,
        Benchmark.PublishedOn <= today,
        Benchmark.Tiers.OrderBy(t => t.Level).Select(t => new TierView(t.Level.ToString(), t.Level.ToChinese(), t.MinFine, t.MaxFine, t.Circumstances)).ToList(),
        RecordedAt, RecordedBy);
}

internal sealed class ExemptionRow : StandardRow
{
    public ExemptionListItem Item { get; init; } = null!;

    public ExemptionView ToView(DateOnly today) => new(Item.Id, PowerCode, PowerName, AgencyCode, AgencyName, Item.Kind.ToString(), Item.Kind.ToChinese(),
        Item.Conditions, Item.PublishedOn, Item.PublishedOn <= today, RecordedAt, RecordedBy);
}

/// <summary>A published discretion benchmark as the public portal shows it (行政处罚法 第三十四条).</summary>
public sealed record PublishedBenchmark(string AgencyCode, string AgencyName, string PowerCode, string PowerName, DateOnly PublishedOn,
    IReadOnlyList<TierView> Tiers);

/// <summary>A published exemption-list entry as the public portal shows it (行政处罚法 第三十三条).</summary>
public sealed record PublishedExemption(string AgencyCode, string AgencyName, string PowerCode, string PowerName, string Kind, string KindName,
    string Conditions, DateOnly PublishedOn);

/// <summary>
/// Reads of benchmarks and exemption lists. <see cref="PublishedBenchmarksAsync"/> and <see cref="PublishedExemptionsAsync"/>
/// take no caller scope: they return only what is published by a day, for the public portal (/api/v1/public/…).
/// </summary>
public static class StandardsQueries
{
    internal static IQueryable<BenchmarkRow> BenchmarkRows(ZhifaDbContext db) =>
        from b in db.DiscretionBenchmarks.AsNoTracking().Include(b => b.Tiers)
        join p in db.Powers on b.PowerId equals p.Id
        join a in db.Agencies on p.AgencyId equals a.Id
        select new BenchmarkRow
        {
            Benchmark = b, PowerCode = p.Code, PowerName = p.Name, AgencyCode = a.Code, AgencyName = a.Name,
            RecordedAt = EF.Property<DateTimeOffset>(b, "RecordedAt"), RecordedBy = EF.Property<string>(b, "RecordedBy"),
        };

    internal static IQueryable<ExemptionRow> ExemptionRows(ZhifaDbContext db) =>
        from x in db.ExemptionListItems.AsNoTracking()
        join p in db.Powers on x.PowerId equals p.Id
        join a in db.Agencies on p.AgencyId equals a.Id
        select new ExemptionRow
        {
            Item = x, PowerCode = p.Code, PowerName = p.Name, AgencyCode = a.Code, AgencyName = a.Name,
            RecordedAt = EF.Property<DateTimeOffset>(x, "RecordedAt"), RecordedBy = EF.Property<string>(x, "RecordedBy"),
        };

    /// <summary>The benchmarks published on or before <paramref name="asOf"/>, optionally of one agency or one power.</summary>
    public static async Task<IReadOnlyList<PublishedBenchmark>> PublishedBenchmarksAsync(ZhifaDbContext db, DateOnly asOf, string? agencyCode = null,
        string? powerCode = null, CancellationToken ct = default)
    {
        var rows = BenchmarkRows(db).Where(x => x.Benchmark.PublishedOn <= asOf);
        if (!string.IsNullOrWhiteSpace(agencyCode))
            rows = rows.Where(x => x.AgencyCode == agencyCode);
        if (!string.IsNullOrWhiteSpace(powerCode))
            rows = rows.Where(x => x.PowerCode == powerCode);
        return (await rows.ToListAsync(ct)).OrderBy(x => x.AgencyCode, StringComparer.Ordinal).ThenBy(x => x.PowerCode, StringComparer.Ordinal)
            .ThenByDescending(x => x.Benchmark.PublishedOn)
            .Select(x => new PublishedBenchmark(x.AgencyCode, x.AgencyName, x.PowerCode, x.PowerName, x.Benchmark.PublishedOn, x.ToView(asOf).Tiers))
            .ToList();
    }

    /// <summary>The exemption-list entries published on or before <paramref name="asOf"/>, optionally of one agency or one power.</summary>
    public static async Task<IReadOnlyList<PublishedExemption>> PublishedExemptionsAsync(ZhifaDbContext db, DateOnly asOf, string? agencyCode = null,
        string? powerCode = null, CancellationToken ct = default)
    {
        var rows = ExemptionRows(db).Where(x => x.Item.PublishedOn <= asOf);
        if (!string.IsNullOrWhiteSpace(agencyCode))
            rows = rows.Where(x => x.AgencyCode == agencyCode);
        if (!string.IsNullOrWhiteSpace(powerCode))
            rows = rows.Where(x => x.PowerCode == powerCode);
        return (await rows.ToListAsync(ct)).OrderBy(x => x.AgencyCode, StringComparer.Ordinal).ThenBy(x => x.PowerCode, StringComparer.Ordinal)
            .ThenBy(x => x.Item.PublishedOn)
            .Select(x => new PublishedExemption(x.AgencyCode, x.AgencyName, x.PowerCode, x.PowerName, x.Item.Kind.ToString(), x.Item.Kind.ToChinese(),
                x.Item.Conditions, x.Item.PublishedOn))
            .ToList();
    }
}
