using Zhifa.Data.Statistics;
using Zhifa.Web;

namespace Zhifa.Statistics;

public static class StatisticsEndpoints
{
    public static void MapStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics", async (string? from, string? to, string? region, string? agency, StatisticsQueries q, CancellationToken ct) =>
            {
                var figures = await q.ComputeAsync(from, to, region, agency, ct);
                return figures.IsSuccess
                    ? Results.Text(FiguresJson.Write(figures.Value, annual: false), "application/json", System.Text.Encoding.UTF8)
                    : Problems.From(figures.Error);
            })
            .WithTags("执法监督统计")
            .WithSummary("任意期间、区划或执法主体的执法监督统计数据(statistics.md 的全部指标)");
    }
}
