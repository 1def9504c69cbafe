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

        api.MapGet("/cases", async (string? from, string? to, string? month, string? region, string? agency, string? category, string? agencyCategory,
                string? number, string? basis, int? page, int? pageSize, CaseListQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                if (!paging.IsSuccess)
                    return Problems.From(paging.Error);
                return (await q.ListAsync(new CaseListFilter(from, to, month, region, agency, category, agencyCategory, number, basis), paging.Value, ct)).ToHttp();
            })
            .WithTags("执法监督统计")
            .WithSummary("统计数字背后的案件列表(钻取):期间、区划或执法主体、案件类别、机关类别、月份,按立案日期倒序分页;总数与统计数字一致");
    }
}
