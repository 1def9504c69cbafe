using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Domain.Rectifications;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Rectifications;

/// <summary>整改 under /api/v1/rectifications (ADR-020).</summary>
public static class RectificationEndpoints
{
    /// <summary>The services and the settings of section <c>Zhifa:Rectifications</c>; wrong values stop the start with their reasons.</summary>
    public static IServiceCollection AddRectifications(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RectificationSettings.Section).Get<RectificationSettings>() ?? new RectificationSettings();
        if (settings.Problems() is { Count: > 0 } wrong)
            throw new InvalidOperationException(string.Join(";", wrong));
        services.AddSingleton(settings);
        services.AddScoped<RectificationQueries>();
        services.AddScoped<RectificationCommands>();
        services.TryAddSingleton<WriteQueue>();
        return services;
    }

    public static void MapRectifications(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/rectifications").WithTags("整改");
        g.MapGet("/", async (int? page, int? pageSize, RectificationQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await queries.ListAsync(paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("整改通知书列表,新的在前,分页;执法机关只能看到本机关的通知书")
            .Produces<PageOf<RectificationSummary>>();
        g.MapPost("/", async (IssueRectificationRequest body, RectificationCommands commands, CancellationToken ct) =>
            {
                var outcome = await commands.IssueAsync(body, ct);
                return outcome.IsSuccess ? Results.Created($"/api/v1/rectifications/{outcome.Value.Id}", outcome.Value) : Problems.From(outcome.Error);
            })
            .WithSummary("下发整改通知书:被通知的执法机关编码(agency)、需要整改的问题(issues)、整改期限(deadline,yyyy-MM-dd,不填则为下发之日起若干个工作日)、" +
                         "引用的预警(alertIds)和已完成评查批次中该机关案卷的问题(findingIds)。执法监督机构或系统管理员可用")
            .Produces<RectificationView>(StatusCodes.Status201Created);
        g.MapGet("/{id:long}", async (long id, RectificationQueries queries, CancellationToken ct) => (await queries.GetAsync(id, ct)).ToHttp())
            .WithSummary("整改通知书详情:问题、期限、状态、是否逾期、引用的预警和问题,以及历次回复和审核")
            .Produces<RectificationView>();
        g.MapPost("/{id:long}/answer", async (long id, RectificationTextRequest body, RectificationCommands commands, CancellationToken ct) =>
                (await commands.AnswerAsync(id, body, ct)).ToHttp())
            .WithSummary("回复整改情况(text):已下发或已退回的通知书,由被通知机关的管理员回复")
            .Produces<RectificationView>();
        g.MapPost("/{id:long}/accept", async (long id, RectificationTextRequest body, RectificationCommands commands, CancellationToken ct) =>
                (await commands.AcceptAsync(id, body, ct)).ToHttp())
            .WithSummary("通过整改(text:审核意见,可不填):已回复的通知书。执法监督机构或系统管理员可用")
            .Produces<RectificationView>();
        g.MapPost("/{id:long}/return", async (long id, RectificationTextRequest body, RectificationCommands commands, CancellationToken ct) =>
                (await commands.ReturnAsync(id, body, ct)).ToHttp())
            .WithSummary("退回整改(text:退回理由,必填):已回复的通知书,退回后由执法机关再次回复。执法监督机构或系统管理员可用")
            .Produces<RectificationView>();
        g.MapGet("/{id:long}/document", async (long id, RectificationQueries queries, RectificationSettings settings, CancellationToken ct) =>
            {
                var view = await queries.GetAsync(id, ct);
                if (!view.IsSuccess)
                    return Problems.From(view.Error);
                var n = view.Value;
                var bytes = RectificationNotice.Render(new RectificationNoticeInput
                {
                    Number = n.Number, OfficeName = settings.OfficeName, AgencyName = n.AgencyName, Issues = n.Issues,
                    Sources = n.Sources.Select(s => s.Label).ToList(), IssuedOn = n.IssuedOn, Deadline = n.Deadline,
                });
                return Results.File(bytes, GeneratedDocument.ContentType, $"整改通知书{n.Number}.docx");
            })
            .WithSummary("整改通知书 .docx")
            .Produces(StatusCodes.Status200OK, contentType: GeneratedDocument.ContentType);
    }
}
