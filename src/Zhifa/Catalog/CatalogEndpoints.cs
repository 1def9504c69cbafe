using Zhifa.Web;

namespace Zhifa.Catalog;

public static class CatalogEndpoints
{
    public static void MapCatalog(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("执法主体");
        agencies.MapGet("/", async (int? page, int? pageSize, CatalogQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? Results.Ok(await q.AgenciesAsync(paging.Value, ct)) : Problems.From(paging.Error);
            })
            .WithSummary("执法主体列表(按当前账户可见范围)")
            .Produces<PageOf<AgencyView>>();
        agencies.MapGet("/{code}", async (string code, CatalogQueries q, CancellationToken ct) =>
                (await q.AgencyAsync(code, ct)).ToHttp())
            .WithSummary("按机关编码查询执法主体")
            .Produces<AgencyView>();
        agencies.MapGet("/{code}/document-prefix", async (string code, AgencyDocumentPrefix p, CancellationToken ct) => (await p.GetAsync(code, ct)).ToHttp())
            .WithSummary("执法主体文号的机关代字(如 津东市监);未设置时由机关名称推导")
            .Produces<DocumentPrefixView>();
        agencies.MapPut("/{code}/document-prefix", async (string code, DocumentPrefixRequest body, AgencyDocumentPrefix p, CancellationToken ct) =>
                (await p.SetAsync(code, body, ct)).ToHttp())
            .WithSummary("设置执法主体文号的机关代字;留空则恢复由名称推导(系统管理员、执法监督机构或本机关管理员)")
            .Produces<DocumentPrefixView>();

        var powers = api.MapGroup("/powers").WithTags("职权");
        powers.MapGet("/", async (string? agency, int? page, int? pageSize, CatalogQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await q.PowersAsync(agency, paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("职权(权责清单)列表,可按实施机关编码筛选")
            .Produces<PageOf<PowerView>>();
        powers.MapGet("/{code}", async (string code, CatalogQueries q, CancellationToken ct) =>
                (await q.PowerAsync(code, ct)).ToHttp())
            .WithSummary("按职权编码查询职权")
            .Produces<PowerView>();
        powers.MapGet("/{code}/major-decision-list", async (string code, MajorDecisionList l, CancellationToken ct) => (await l.GetAsync(code, ct)).ToHttp())
            .WithSummary("职权是否列入本机关重大执法决定法制审核目录,以及目录的每次调整(行政处罚法第五十八条)")
            .Produces<MajorDecisionListView>();
        powers.MapPut("/{code}/major-decision-list", async (string code, MajorDecisionListRequest body, MajorDecisionList l, CancellationToken ct) =>
                (await l.SetAsync(code, body, ct)).ToHttp())
            .WithSummary("将职权列入或移出本机关重大执法决定法制审核目录,须写明理由;列入后据此立案的处罚案件须经法制审核(系统管理员或职权所属机关的管理员)")
            .Produces<MajorDecisionListView>();
        powers.MapGet("/{code}/benchmarks", async (string code, PenaltyStandards s, CancellationToken ct) => (await s.BenchmarksAsync(code, ct)).ToHttp())
            .WithSummary("职权的行政处罚裁量权基准(各版本及公布日期,行政处罚法第三十四条)")
            .Produces<IReadOnlyList<BenchmarkView>>();
        powers.MapPost("/{code}/benchmarks", async (string code, PublishBenchmarkRequest body, PenaltyStandards s, CancellationToken ct) =>
            {
                var published = await s.PublishBenchmarkAsync(code, body, ct);
                return published.IsSuccess ? Results.Created($"/api/v1/powers/{Uri.EscapeDataString(code)}/benchmarks", published.Value) : Problems.From(published.Error);
            })
            .WithSummary("公布职权的裁量权基准:各裁量阶次的罚款幅度和适用情形;公布日期默认为当天(职权所属机关的管理员)")
            .Produces<BenchmarkView>(StatusCodes.Status201Created);
        powers.MapGet("/{code}/exemptions", async (string code, PenaltyStandards s, CancellationToken ct) => (await s.ExemptionsAsync(code, ct)).ToHttp())
            .WithSummary("职权的免罚清单事项(首违不罚、轻微不罚、无主观过错不罚,行政处罚法第三十三条)")
            .Produces<IReadOnlyList<ExemptionView>>();
        powers.MapPost("/{code}/exemptions", async (string code, PublishExemptionRequest body, PenaltyStandards s, CancellationToken ct) =>
            {
                var published = await s.PublishExemptionAsync(code, body, ct);
                return published.IsSuccess ? Results.Created($"/api/v1/powers/{Uri.EscapeDataString(code)}/exemptions", published.Value) : Problems.From(published.Error);
            })
            .WithSummary("公布职权的免罚清单事项;公布日期默认为当天(职权所属机关的管理员)")
            .Produces<ExemptionView>(StatusCodes.Status201Created);
    }
}
