using Zhifa.Web;

namespace Zhifa.LegalReviews;

public static class LegalReviewEndpoints
{
    public static void MapLegalReviews(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reviews").WithTags("法制审核");
        g.MapGet("/", async (string? status, int? page, int? pageSize, LegalReviewQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await q.TasksAsync(status, paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("法制审核任务:法制审核人员看到指派给本人的任务,其他角色看到可见机关的任务;可按 status(pending/passed/returned)筛选")
            .Produces<PageOf<ReviewTaskView>>();
        g.MapGet("/statistics", async (string? from, string? to, string? agency, LegalReviewQueries q, CancellationToken ct) =>
                (await q.StatisticsAsync(from, to, agency, ct)).ToHttp())
            .WithSummary("法制审核统计:期间内各机关审核件数、通过件数、退回件数,以及按审核事项和理由统计的退回情况")
            .Produces<ReviewStatisticsView>();
    }
}
