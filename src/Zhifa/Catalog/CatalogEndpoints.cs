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
    }
}
