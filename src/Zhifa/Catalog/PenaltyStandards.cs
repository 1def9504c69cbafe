using Zhifa.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.PenaltyCases;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Catalog;

public sealed record TierRequest(string? Level, decimal? MinFine, decimal? MaxFine, string? Circumstances);

/// <summary>A new discretion benchmark of a power; <see cref="PublishedOn"/> defaults to today and may be later (published on that day).</summary>
public sealed record PublishBenchmarkRequest(DateOnly? PublishedOn, IReadOnlyList<TierRequest>? Tiers);

public sealed record PublishExemptionRequest(string? Kind, string? Conditions, DateOnly? PublishedOn);

public sealed record TierView(string Level, string LevelName, decimal MinFine, decimal MaxFine, string Circumstances);

public sealed record BenchmarkView(long Id, string PowerCode, string PowerName, string AgencyCode, string AgencyName, DateOnly PublishedOn, bool Published,
    IReadOnlyList<TierView> Tiers, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ExemptionView(long Id, string PowerCode, string PowerName, string AgencyCode, string AgencyName, string Kind, string KindName,
    string Conditions, DateOnly PublishedOn, bool Published, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// Discretion benchmarks (裁量权基准, 行政处罚法 第三十四条) and exemption lists (免罚清单, 第三十三条) per penalty power.
/// Everyone who sees the power reads them; the administrator of the power's agency publishes them. A published item is
/// never edited (decisions refer to it): a new version is a new item. Publication cannot be back-dated: an item is
/// public from the day it is entered or a later day, so no decision can rest on a benchmark published after it.
/// </summary>
public sealed class PenaltyStandards(ZhifaDbContext db, CallerScope scope, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<BenchmarkView>>> BenchmarksAsync(string powerCode, CancellationToken ct = default)
    {
        var power = await VisiblePowerAsync(powerCode, ct);
        if (!power.IsSuccess)
            return power.Error;
        var today = Today;
        return (await StandardsQueries.BenchmarkRows(db).Where(x => x.Benchmark.PowerId == power.Value.Id).ToListAsync(ct))
            .OrderByDescending(x => x.Benchmark.PublishedOn).ThenByDescending(x => x.Benchmark.Id).Select(x => x.ToView(today)).ToList();
    }

    public async Task<Outcome<IReadOnlyList<ExemptionView>>> ExemptionsAsync(string powerCode, CancellationToken ct = default)
    {
        var power = await VisiblePowerAsync(powerCode, ct);
        if (!power.IsSuccess)
            return power.Error;
        var today = Today;
        return (await StandardsQueries.ExemptionRows(db).Where(x => x.Item.PowerId == power.Value.Id).ToListAsync(ct))
            .OrderByDescending(x => x.Item.PublishedOn).ThenByDescending(x => x.Item.Id).Select(x => x.ToView(today)).ToList();
    }

    public async Task<Outcome<BenchmarkView>> PublishBenchmarkAsync(string powerCode, PublishBenchmarkRequest r, CancellationToken ct = default)
    {
        var power = await WritablePowerAsync(powerCode, ct);
        if (!power.IsSuccess)
            return power.Error;
        var (today, now) = (Today, clock.GetUtcNow());
        var check = new RequestCheck();
        var tiers = (r.Tiers ?? []).Select((t, i) => new DiscretionTierInput(
            check.Enum<DiscretionLevel>(t.Level, $"tiers[{i}].level", "裁量阶次", DiscretionLevelNames.ToChinese),
            check.Value(t.MinFine, $"tiers[{i}].minFine", "罚款下限"), check.Value(t.MaxFine, $"tiers[{i}].maxFine", "罚款上限"),
            check.Text(t.Circumstances, $"tiers[{i}].circumstances", "适用情形", 1000))).ToList();
        var publishedOn = r.PublishedOn ?? today;
        if (check.Failed)
            return check.Error;
        if (NotBackDated(publishedOn, today) is { } dated)
            return dated;
        var created = DiscretionBenchmark.Create(power.Value.Id, publishedOn, tiers);
        if (!created.IsSuccess)
            return AppError.Rule(created.Error);
        db.DiscretionBenchmarks.Add(created.Value);
        Stamp(created.Value, now);
        await db.SaveChangesAsync(ct);
        return (await StandardsQueries.BenchmarkRows(db).FirstAsync(x => x.Benchmark.Id == created.Value.Id, ct)).ToView(today);
    }

    public async Task<Outcome<ExemptionView>> PublishExemptionAsync(string powerCode, PublishExemptionRequest r, CancellationToken ct = default)
    {
        var power = await WritablePowerAsync(powerCode, ct);
        if (!power.IsSuccess)
            return power.Error;
        var (today, now) = (Today, clock.GetUtcNow());
        var check = new RequestCheck();
        var kind = check.Enum<ExemptionKind>(r.Kind, "kind", "免罚类型", ExemptionKindNames.ToChinese);
        var conditions = check.Text(r.Conditions, "conditions", "适用条件", 2000);
        var publishedOn = r.PublishedOn ?? today;
        if (check.Failed)
            return check.Error;
        if (NotBackDated(publishedOn, today) is { } dated)
            return dated;
        var item = new ExemptionListItem(power.Value.Id, kind, conditions, publishedOn);
        db.ExemptionListItems.Add(item);
        Stamp(item, now);
        await db.SaveChangesAsync(ct);
        return (await StandardsQueries.ExemptionRows(db).FirstAsync(x => x.Item.Id == item.Id, ct)).ToView(today);
    }

    /// <summary>Today in the platform's time zone, as the penalty context counts it.</summary>
    private DateOnly Today => clock.Today();

    private void Stamp(object entity, DateTimeOffset now)
    {
        db.Entry(entity).Property("RecordedAt").CurrentValue = now;
        db.Entry(entity).Property("RecordedBy").CurrentValue = scope.UserName ?? "";
    }

    private static AppError? NotBackDated(DateOnly publishedOn, DateOnly today) => publishedOn >= today ? null
        : new AppError(FailureKind.RuleBroken, "standards.published_in_past",
            $"公布日期{publishedOn:yyyy-MM-dd}早于今天{today:yyyy-MM-dd}:平台上公布的基准和清单自录入之日或以后某日起公开,不能补记为更早公布", "publishedOn");

    private async Task<Outcome<Power>> VisiblePowerAsync(string code, CancellationToken ct)
    {
        var power = await scope.Powers(db).AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        return power is null ? AppError.NotFound("power.not_found", $"职权\"{code}\"不存在") : power;
    }

    private async Task<Outcome<Power>> WritablePowerAsync(string code, CancellationToken ct)
    {
        var power = await VisiblePowerAsync(code, ct);
        if (!power.IsSuccess)
            return power;
        if (scope.Role != Roles.AgencyAdmin || scope.AgencyId != power.Value.AgencyId)
            return AppError.Forbidden("只有该职权所属执法机关的管理员可以公布裁量基准和免罚清单");
        return power.Value.Category == PowerCategory.Penalty
            ? power
            : new AppError(FailureKind.RuleBroken, "standards.power_not_penalty", $"职权\"{power.Value.Name}\"不是行政处罚职权,没有裁量基准和免罚清单");
    }
}
