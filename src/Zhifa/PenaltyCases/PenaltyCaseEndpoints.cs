using Microsoft.AspNetCore.Mvc;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>行政处罚案件: /api/v1/penalty-cases — filing, the summary procedure, lists, the case view, every step, documents.</summary>
public static class PenaltyCaseEndpoints
{
    public static IServiceCollection AddPenaltyCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PenaltyRulesConfiguration.Load(configuration));
        services.AddSingleton<IDocumentNumberSequence, DatabaseDocumentNumberSequence>();
        services.AddSingleton<WriteQueue>();
        services.AddScoped<PenaltyCaseLookups>();
        services.AddScoped<PenaltyCaseViewBuilder>();
        services.AddScoped<PenaltyCaseService>();
        services.AddScoped<PenaltyCaseFiling>();
        services.AddScoped<PenaltyCaseQueries>();
        services.AddScoped<PenaltyDocumentService>();
        // After AddInspections: the last registration wins (ADR-009, ADR-010).
        services.AddScoped<Zhifa.Inspections.IPenaltyCaseOpener, InspectionReferralOpener>();
        return services;
    }

    public static void MapPenaltyCases(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/penalty-cases").WithTags("行政处罚案件");
        g.MapPost("/", async (FileCaseRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, PenaltyCaseFiling s, CancellationToken ct) =>
                Created(await s.FileAsync(body, key, ct)))
            .WithSummary("立案(普通程序):机关负责人批准立案,指派两名以上持证执法人员;inspectionId 为已移交立案的行政检查时,同时关联该检查;" +
                         "可带 Idempotency-Key 头,重复提交返回首次结果")
            .Produces<PenaltyCaseView>(StatusCodes.Status201Created).WithProblems();
        g.MapPost("/summary", async (SummaryCaseRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, PenaltyCaseService s,
                CancellationToken ct) => Created(await s.DecideOnTheSpotAsync(body, key, ct)))
            .WithSummary("简易程序:执法人员当场作出警告或小额罚款决定并当场交付;可带 Idempotency-Key 头")
            .Produces<PenaltyCaseView>(StatusCodes.Status201Created).WithProblems();
        g.MapGet("/", async (string? stage, string? officer, string? due, int? page, int? pageSize, PenaltyCaseQueries q, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await q.ListAsync(new PenaltyCaseFilter(stage, officer, due), paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("行政处罚案件列表:可按阶段(stage)、承办人员执法证号(officer,me 为本人)、期限(due=soon 即将到期 / overdue 已逾期)筛选")
            .Produces<PageOf<PenaltyCaseListItem>>();
        g.MapGet("/{id:long}", async (long id, PenaltyCaseQueries q, CancellationToken ct) => (await q.GetAsync(id, ct)).ToHttp())
            .WithSummary("案件详情:各阶段、办理步骤、承办人员、证据、告知、审核、决定、缴款、期限(依据和配置值)、当前账户可办理的步骤、文书和版本号")
            .Produces<PenaltyCaseView>().WithProblems();

        Step<AssignOfficerRequest>(g, "assign-officer", "指派执法人员(机关负责人)", (s, id, r, ct) => s.AssignOfficerAsync(id, r, ct));
        Step<RecordRecusalRequest>(g, "record-recusal", "决定执法人员回避(机关负责人,行政处罚法第四十三条)", (s, id, r, ct) => s.RecordRecusalAsync(id, r, ct));
        Step<ClassifyRequest>(g, "classify", "标注案件情形(重大公共利益、疑难复杂、重大违法、重大执法决定目录)", (s, id, r, ct) => s.ClassifyAsync(id, r, ct));
        Step<ApproveExtensionRequest>(g, "approve-extension", "批准延长办案期限(机关负责人,行政处罚法第六十条)", (s, id, r, ct) => s.ApproveExtensionAsync(id, r, ct));
        Step<RecordEvidenceRequest>(g, "record-evidence", "登记调查取证(两名以上执法人员)", (s, id, r, ct) => s.RecordEvidenceAsync(id, r, ct));
        Step<NotifyRequest>(g, "notify", "告知拟作出的行政处罚内容及事实、理由、依据和权利(事先告知)", (s, id, r, ct) => s.NotifyAsync(id, r, ct));
        Step<RecordStatementRequest>(g, "record-statement", "记录当事人陈述申辩", (s, id, r, ct) => s.RecordStatementAsync(id, r, ct));
        Step<RecordWaiverRequest>(g, "record-waiver", "记录当事人书面放弃陈述申辩和听证", (s, id, r, ct) => s.RecordWaiverAsync(id, r, ct));
        Step<RequestHearingRequest>(g, "request-hearing", "登记当事人申请听证(告知后5个工作日内)", (s, id, r, ct) => s.RequestHearingAsync(id, r, ct));
        Step<ScheduleHearingRequest>(g, "schedule-hearing", "安排听证(提前7个工作日通知,主持人非调查人员)", (s, id, r, ct) => s.ScheduleHearingAsync(id, r, ct));
        Step<RecordHearingRequest>(g, "record-hearing", "记录听证结果", (s, id, r, ct) => s.RecordHearingAsync(id, r, ct));
        Step<SubmitReviewRequest>(g, "submit-review", "提交法制审核(审核人员不得为承办人员)", (s, id, r, ct) => s.SubmitReviewAsync(id, r, ct));
        Step<CompleteReviewRequest>(g, "complete-review", "完成法制审核:逐项确认审核清单,全部确认为通过,任一退回须说明理由", (s, id, r, ct) => s.CompleteReviewAsync(id, r, ct));
        Step<RecordDiscussionRequest>(g, "record-discussion", "记录机关负责人集体讨论(行政处罚法第五十七条)", (s, id, r, ct) => s.RecordDiscussionAsync(id, r, ct));
        Step<DecideRequest>(g, "decide", "作出行政处罚决定或不予行政处罚决定(机关负责人)", (s, id, r, ct) => s.DecideAsync(id, r, ct));
        Step<ServeRequest>(g, "serve", "送达处罚决定书", (s, id, r, ct) => s.ServeAsync(id, r, ct));
        Step<RecordPaymentRequest>(g, "record-payment", "登记缴纳罚款", (s, id, r, ct) => s.RecordPaymentAsync(id, r, ct));
        Step<ApproveInstalmentsRequest>(g, "approve-instalments", "批准分期缴纳罚款(机关负责人)", (s, id, r, ct) => s.ApproveInstalmentsAsync(id, r, ct));
        Step<ApproveDeferralRequest>(g, "approve-deferral", "批准延期缴纳罚款(机关负责人)", (s, id, r, ct) => s.ApproveDeferralAsync(id, r, ct));
        Step<StartAppealRequest>(g, "start-appeal", "登记当事人申请行政复议或提起行政诉讼", (s, id, r, ct) => s.StartAppealAsync(id, r, ct));
        Step<EndAppealRequest>(g, "end-appeal", "登记行政复议或行政诉讼结束", (s, id, r, ct) => s.EndAppealAsync(id, r, ct));
        Step<CloseRequest>(g, "close", "结案(机关负责人)", (s, id, r, ct) => s.CloseAsync(id, r, ct));
        Step<ArchiveRequest>(g, "archive", "归档", (s, id, r, ct) => s.ArchiveAsync(id, r, ct));
        Step<PublishRequest>(g, "publish", "公示处罚决定(本机关管理员或系统管理员,普通程序决定作出后,公示日期为当天;" +
            "决定之日起7个工作日(可配置)内公示,国办发〔2018〕118号;逾期公示的照常公示并记为逾期)", (s, id, r, ct) => s.PublishAsync(id, r, ct));

        g.MapGet("/{id:long}/documents/{kind}", async (long id, string kind, PenaltyDocumentService documents, CancellationToken ct) =>
            {
                var generated = await documents.GenerateAsync(id, kind, ct);
                return generated.IsSuccess
                    ? Results.File(generated.Value.Content, GeneratedDocument.ContentType, generated.Value.FileName)
                    : Problems.From(generated.Error);
            })
            .WithSummary("下载案件文书(.docx):filing-approval 立案审批表、penalty-notice 行政处罚事先告知书、hearing-notice 听证通知书、" +
                         "penalty-decision 行政处罚决定书、no-penalty-decision 不予行政处罚决定书、service-receipt 送达回证;" +
                         "简易程序案件:summary-decision 当场行政处罚决定书(文号即案号);首次生成时分配文号并保存")
            .Produces(StatusCodes.Status200OK, contentType: GeneratedDocument.ContentType).WithProblems();
    }

    private static void Step<T>(RouteGroupBuilder g, string route, string summary,
        Func<PenaltyCaseService, long, T, CancellationToken, Task<Outcome<PenaltyCaseView>>> run) where T : StepRequest =>
        g.MapPost($"/{{id:long}}/{route}", async (long id, T body, PenaltyCaseService s, CancellationToken ct) => (await run(s, id, body, ct)).ToHttp())
            .WithSummary(summary + ";请求体须带案件版本号 version")
            .Produces<PenaltyCaseView>().WithProblems();

    private static IResult Created(Outcome<PenaltyCaseView> outcome) =>
        outcome.IsSuccess ? Results.Created($"/api/v1/penalty-cases/{outcome.Value.Id}", outcome.Value) : Problems.From(outcome.Error);

    /// <summary>400 invalid, 404 unknown or another agency's, 409 stale version, 422 refused by a rule.</summary>
    internal static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder b) => b
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
