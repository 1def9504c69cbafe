using System.Diagnostics;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Common;

namespace Zhifa.Statistics;

/// <summary>
/// Computes the whole scope's figures of this year to date and of the same days last year once while the server starts,
/// before it takes requests: what the supervision office's start page asks first (ADR-021). The first dashboard after a
/// restart then finds the statistics code compiled and the summaries and indexes it reads in the database's cache,
/// instead of paying for both (on the 10-million-case city, docs/performance.md). Read-only; a failure is logged and the
/// server starts anyway. <c>Zhifa:Statistics:WarmUp=false</c> turns it off.
/// </summary>
internal sealed class StatisticsWarmUp(DatabaseTarget target, TimeProvider clock, ILogger<StatisticsWarmUp> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var service = await StatisticsService.ForAsync(target, cancellationToken);
            var today = clock.Today();
            var period = new StatisticsPeriod(new DateOnly(today.Year, 1, 1), today);
            await Task.WhenAll(service.ComputeAsync(period, StatisticsScope.All, cancellationToken),
                service.ComputeAsync(period.OneYearEarlier(), StatisticsScope.All, cancellationToken));
            log.LogInformation("启动预热:已计算本年与上年同期的统计数据,用时 {Milliseconds} 毫秒", watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "启动预热失败(不影响使用):统计数据将在首次访问时计算");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
