using Microsoft.AspNetCore.Mvc;
using Zhifa.Web;

namespace Zhifa.Inspections;

/// <summary>行政检查 under /api/v1/inspections: record, list, detail, rectification and referral (移交立案).</summary>
public static class InspectionEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// The inspection services and the default <see cref="IPenaltyCaseOpener"/>, which opens nothing; the penalty-case
    /// integration registers its own opener after this call.
    /// </summary>
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddScoped<InspectionQueries>();
        services.AddScoped<InspectionCommands>();
        services.AddScoped<IPenaltyCaseOpener, RecordOnlyPenaltyCaseOpener>();
        return services;
    }

    public static void MapInspections(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspections").WithTags("行政检查");
        g.MapGet("/", async (string? from, string? to, string? result, string? officer, string? party, string? agency, int? page, int? pageSize,
                InspectionQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess
                    ? (await queries.ListAsync(new InspectionFilter(from, to, result, officer, party, agency), paging.Value, ct)).ToHttp()
                    : Problems.From(paging.Error);
            })
            .WithSummary("行政检查列表：可按检查日期（from、to）、检查结果（result）、执法人员执法证号（officer）、当事人名称或证件号码（party）、执法机关（agency）筛选；执法机关只能看到本机关的检查")
            .Produces<PageOf<InspectionSummary>>();
        g.MapGet("/{id:long}", async (long id, InspectionQueries queries, CancellationToken ct) => (await queries.DetailAsync(id, ct)).ToHttp())
            .WithSummary("行政检查详情：当事人、执法人员、检查情况、检查结果、整改与移交立案情况")
            .Produces<InspectionDetail>();
        g.MapPost("/", async (RecordInspectionRequest body, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
                InspectionCommands commands, HttpResponse response, CancellationToken ct) =>
            {
                var outcome = await commands.RecordAsync(body, idempotencyKey, ct);
                if (!outcome.IsSuccess)
                    return Problems.From(outcome.Error);
                if (outcome.Value.Replayed)
                    response.Headers["Idempotent-Replayed"] = "true";
                return Results.Created($"/api/v1/inspections/{outcome.Value.Inspection.Id}", outcome.Value.Inspection);
            })
            .WithSummary("记录一次行政检查：本机关的行政检查职权、两名以上持有效执法证的执法人员、当事人及其身份证号或统一社会信用代码（校验）、检查情况和检查结果（未发现问题、责令改正、移交立案）。支持 Idempotency-Key 请求头：同一个键重复提交时返回首次记录的检查，不再写入")
            .Produces<InspectionDetail>(StatusCodes.Status201Created);
        g.MapPost("/{id:long}/rectified", async (long id, RectifiedRequest body, InspectionCommands commands, CancellationToken ct) =>
                (await commands.RectifiedAsync(id, body, ct)).ToHttp())
            .WithSummary("记录当事人已按责令改正的要求完成整改：整改完成日期（date）和整改情况说明（note）；可带 version 防止覆盖他人的更新")
            .Produces<InspectionDetail>();
        g.MapPost("/{id:long}/refer", async (long id, ReferRequest? body, InspectionCommands commands, CancellationToken ct) =>
                (await commands.ReferAsync(id, body ?? new ReferRequest(), ct)).ToHttp())
            .WithSummary("移交立案：将检查结果为移交立案的检查标记为已移交，并返回处罚案件立案所需的材料（当事人、违法事实、可选的本机关处罚职权、执法人员）")
            .Produces<ReferralResult>();
    }
}
