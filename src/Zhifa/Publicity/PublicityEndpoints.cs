using Zhifa.Domain.Common;
using Zhifa.Catalog;
using Zhifa.Web;

namespace Zhifa.Publicity;

public static class PublicityEndpoints
{
    /// <summary>The public portal's API: anonymous, published information only (api.md: anonymous access only under /api/v1/public).</summary>
    public static void MapPublic(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public").AllowAnonymous().WithTags("行政执法公示(公开查询)");
        g.MapGet("/agencies", async (int? page, int? pageSize, PublicCatalogQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? Results.Ok(await q.AgenciesAsync(paging.Value, ct)) : Problems.From(paging.Error);
            })
            .WithSummary("公示:执法主体清单(现存的行政执法机关)")
            .Produces<PageOf<AgencyView>>();
        g.MapGet("/powers", async (string? agency, string? q, bool? majorDecisionList, int? page, int? pageSize, PublicCatalogQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess
                    ? (await queries.PowersAsync(agency, q, paging.Value, ct, majorDecisionList == true)).ToHttp()
                    : Problems.From(paging.Error);
            })
            .WithSummary("公示:现行权责清单(职权及其法律依据,是否列入重大执法决定法制审核目录),可按实施机关编码(agency)、职权名称关键词(q)查询;majorDecisionList=true 只列重大执法决定法制审核目录")
            .Produces<PageOf<PowerView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/benchmarks", async (string? agency, string? power, Zhifa.Data.Storage.ZhifaDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var today = clock.Today();
                return TypedResults.Ok(new PublishedStandards(
                    await StandardsQueries.PublishedBenchmarksAsync(db, today, agency, power, ct),
                    await StandardsQueries.PublishedExemptionsAsync(db, today, agency, power, ct)));
            })
            .WithSummary("公示:已公布的行政处罚裁量权基准(行政处罚法第三十四条)和免罚清单(第三十三条),可按机关编码(agency)和职权编码(power)查询")
            .Produces<PublishedStandards>();
        g.MapGet("/officers/{certificateNumber}", async (string certificateNumber, PublicCatalogQueries q, CancellationToken ct) =>
                (await q.CertificateAsync(certificateNumber, ct)).ToHttp())
            .WithSummary("执法证查询(亮证):按执法证号查询持证人姓名、所属机关及执法证是否有效")
            .Produces<CertificateCheck>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/decisions", async (string? party, string? agency, string? number, string? from, string? to, int? page, int? pageSize,
                PublicDecisionQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess
                    ? (await q.SearchAsync(new DecisionSearch(party, agency, number, from, to), paging.Value, ct)).ToHttp()
                    : Problems.From(paging.Error);
            })
            .WithSummary("公示:行政处罚决定(普通程序)查询,可按当事人名称(party,自然人仅按姓氏)、执法机关编码(agency)、案件编号(number)、决定日期范围(from、to)查询,按决定日期倒序分页;超过 10000 件时 total 为 10000、moreThanTotal 为 true,只能翻阅前 10000 件")
            .Produces<DecisionPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/decisions/{number}", async (string number, PublicDecisionQueries q, CancellationToken ct) =>
                (await q.DecisionAsync(number, ct)).ToHttp())
            .WithSummary("公示:按案件编号查看一件公示中的行政处罚决定")
            .Produces<PublicDecision>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The agencies' side of publicity: withdrawal and the overdue list, within the caller's scope.</summary>
    public static void MapPublicity(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/publicity").WithTags("行政执法公示(机关管理)");
        g.MapPost("/{caseId:long}/withdraw", async (long caseId, WithdrawRequest body, PublicityCommands commands, CancellationToken ct) =>
                (await commands.WithdrawAsync(caseId, body, ct)).ToHttp())
            .WithSummary("撤回已公示的处罚决定(决定被变更、撤销、确认违法或无效时,行政处罚法第四十八条),须填写变更日期和原因;返回是否在3个工作日内撤回。仅本机关管理员或系统管理员")
            .Produces<WithdrawalView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        g.MapGet("/overdue", async (string? from, string? to, string? agency, int? page, int? pageSize, OverdueQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await q.OverdueAsync(from, to, agency, paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("未按期公示的普通程序处罚决定(未公示或逾期公示)及其公示期限,可按决定日期范围和执法机关筛选")
            .Produces<PageOf<OverdueDecision>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>What the portal publishes of the discretion standards: benchmarks with their tiers, and the exemption list.</summary>
public sealed record PublishedStandards(IReadOnlyList<PublishedBenchmark> Benchmarks, IReadOnlyList<PublishedExemption> Exemptions);
