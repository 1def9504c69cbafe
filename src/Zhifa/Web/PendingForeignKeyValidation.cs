using Zhifa.Data.Storage;

namespace Zhifa.Web;

/// <summary>
/// Has PostgreSQL confirm the foreign keys a bulk import re-added <c>NOT VALID</c> (ADR-014): once when the server
/// starts and then every six hours, off every request's path. Nothing to do on SQLite.
/// </summary>
internal sealed class PendingForeignKeyValidation(DatabaseTarget target, ILogger<PendingForeignKeyValidation> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (target.Provider != DatabaseProvider.Postgres)
            return;
        do
        {
            try
            {
                var validated = await PendingForeignKeys.ValidateAsync(target, stoppingToken);
                if (validated > 0)
                    log.LogInformation("已确认批量导入后待校验的外键约束 {Count} 个", validated);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "外键约束校验失败:有记录引用了不存在的机关、职权、执法人员或案件");
            }
        }
        while (await Delay(stoppingToken));
    }

    private static async Task<bool> Delay(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Every, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
