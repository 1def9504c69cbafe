using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhifa.Data.CaseFileReviews;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.CaseFileReviews;

/// <summary>
/// 案卷评查 under /api/v1/case-file-reviews (ADR-017). Not /reviews: that is 法制审核 (legal review of major decisions).
/// </summary>
public static class ReviewEndpoints
{
    public static IServiceCollection AddCaseFileReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewQueries>();
        services.AddScoped<ReviewCommands>();
        services.TryAddSingleton<WriteQueue>(); // shared with the penalty cases' writes (ADR-012)
        return services;
    }

    public static void MapCaseFileReviews(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/case-file-reviews").WithTags("案卷评查");
        g.MapGet("/", async (int? page, int? pageSize, ReviewQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await queries.ListAsync(paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("案卷评查批次列表,分页;执法机关只能看到包含本机关的批次")
            .Produces<PageOf<ReviewBatchSummary>>();
        g.MapPost("/", async (CreateBatchRequest body, ReviewCommands commands, CancellationToken ct) =>
            {
                var outcome = await commands.CreateAsync(body, ct);
                return outcome.IsSuccess
                    ? Results.Created($"/api/v1/case-file-reviews/{outcome.Value.Id}", outcome.Value)
                    : Problems.From(outcome.Error);
            })
            .WithSummary("新建案卷评查批次并抽取案卷:名称(title)、评查期间(periodFrom、periodTo,按结案日期,无结案日期的按决定日期)、被评查机关编码(agencies)、案件类别(categories,默认行政处罚)、每个机关抽取件数(count)或比例(ratio)、每个机关最少件数(minimumPerAgency)、随机种子(seed,不填则随机生成并记录)、评分细则(rubric,不填用默认的主体、事实证据、程序、法律适用、裁量、文书、归档 100 分)、等次分数线。执法监督机构或系统管理员可用")
            .Produces<ReviewBatchView>(StatusCodes.Status201Created);
        g.MapGet("/{id:long}", async (long id, ReviewQueries queries, CancellationToken ct) => (await queries.GetAsync(id, ct)).ToHttp())
            .WithSummary("评查批次详情:抽样参数、随机种子、评分细则和抽中的案卷及其评分进度;执法机关只能看到本机关的案卷")
            .Produces<ReviewBatchView>();
        g.MapGet("/{id:long}/files/{fileId:long}", async (long id, long fileId, ReviewQueries queries, CancellationToken ct) =>
                (await queries.FileAsync(id, fileId, ct)).ToHttp())
            .WithSummary("一件抽中案卷的评查情况:各评分项的得分(含历次更正)、总分、等次和发现的问题")
            .Produces<ReviewFileView>();
        g.MapPost("/{id:long}/files/{fileId:long}/scores", async (long id, long fileId, ScoreRequest body, ReviewCommands commands, CancellationToken ct) =>
                (await commands.ScoreAsync(id, fileId, body, ct)).ToHttp())
            .WithSummary("给案卷的评分项打分(items:评分项编码 code、得分 points、说明 note);更正得分时原得分保留在历史中。执法监督机构、系统管理员或其他机关的法制审核人员可用,不得评查本机关案卷")
            .Produces<ReviewFileView>();
        g.MapPost("/{id:long}/files/{fileId:long}/findings", async (long id, long fileId, FindingRequest body, ReviewCommands commands, CancellationToken ct) =>
            {
                var outcome = await commands.AddFindingAsync(id, fileId, body, ct);
                return outcome.IsSuccess
                    ? Results.Created($"/api/v1/case-file-reviews/{id}/files/{fileId}", outcome.Value)
                    : Problems.From(outcome.Error);
            })
            .WithSummary("记录案卷评查发现的问题:所属评分项编码(itemCode)和问题描述(text);记录后不能修改或删除")
            .Produces<FindingView>(StatusCodes.Status201Created);
        g.MapPost("/{id:long}/finish", async (long id, ReviewCommands commands, CancellationToken ct) => (await commands.FinishAsync(id, ct)).ToHttp())
            .WithSummary("结束评查批次:全部案卷的全部评分项都已打分后才能结束,结束后不能再评分或记录问题。执法监督机构或系统管理员可用")
            .Produces<ReviewBatchView>();
        g.MapGet("/{id:long}/results", async (long id, ReviewQueries queries, CancellationToken ct) => (await queries.ResultsAsync(id, ct)).ToHttp())
            .WithSummary("评查结果:每个执法机关的案卷数、平均分、等次、各等次案卷数和按评分项统计的问题数,以及批次合计(案卷数、单位数、问题数);执法机关只能看到本机关的结果")
            .Produces<ReviewResultsView>();
        g.MapGet("/{id:long}/verify", async (long id, ReviewQueries queries, ZhifaDbContext db, CancellationToken ct) =>
            {
                if (!queries.MayManage)
                    return Problems.From(AppError.Forbidden("只有执法监督机构或系统管理员可以核验抽样"));
                var report = await ReviewDraws.VerifyAsync(db, id, ct);
                return report is null ? Problems.From(ReviewQueries.BatchNotFound(id)) : Results.Ok(report);
            })
            .WithSummary("核验抽样:按记录的随机种子和抽样规则重新抽取,与保存的抽样结果逐件比对,并检查候选案卷自抽样以来是否变化")
            .Produces<ReviewVerification>();
    }
}
