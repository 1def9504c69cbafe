using Quartz;
using Zhifa.Data.Accounts;
using Zhifa.Data.Alerts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Publicity;
using Zhifa.Web;

namespace Zhifa.Alerts;

/// <summary>预警 under /api/v1/alerts (inbox and evaluation) and officers' training under /api/v1/officers/{no}/trainings.</summary>
public static class AlertEndpoints
{
    /// <summary>
    /// The alert services, the settings of section <c>Zhifa:Alerts</c>, and the daily evaluation job (Quartz) unless
    /// <c>Zhifa:Alerts:DailyJob</c> is false.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(sp => new AlertEvaluator(target, settings, sp.GetRequiredService<PublicityRules>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<AlertQueries>();
        services.AddScoped<OfficerTrainingCommands>();
        if (settings.DailyJob)
        {
            var at = TimeOnly.ParseExact(settings.DailyAt, "HH:mm");
            services.AddQuartz(q => q.ScheduleJob<AlertEvaluationJob>(
                (sp, t) => t.WithIdentity("alerts-daily")
                    .WithCronSchedule($"0 {at.Minute} {at.Hour} * * ?", c => c.InTimeZone(sp.GetRequiredService<TimeProvider>().LocalTimeZone)),
                (_, j) => j.WithIdentity("alerts-evaluate")));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }
        return services;
    }

    /// <summary>The settings of section <c>Zhifa:Alerts</c>; wrong values stop the start with their reasons.</summary>
    public static AlertSettings Settings(IConfiguration configuration)
    {
        var settings = configuration.GetSection(AlertSettings.Section).Get<AlertSettings>() ?? new AlertSettings();
        return settings.Problems() is { Count: > 0 } wrong ? throw new InvalidOperationException(string.Join(";", wrong)) : settings;
    }

    public static void MapAlerts(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/alerts").WithTags("预警");
        g.MapGet("/", async (string? status, string? kind, string? agency, int? page, int? pageSize, AlertQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess
                    ? (await queries.ListAsync(new AlertFilter(status, kind, agency), paging.Value, ct)).ToHttp()
                    : Problems.From(paging.Error);
            })
            .WithSummary("预警列表:按状态(status:open 未关闭,默认;closed 已关闭;all 全部)、预警类型(kind)、执法机关(agency)筛选,分页;执法机关只能看到本机关的预警")
            .Produces<PageOf<AlertView>>();
        g.MapPost("/evaluate", async (AlertEvaluator evaluator, CallerScope scope, CancellationToken ct) =>
                scope.Role is Roles.Admin or Roles.Supervisor
                    ? Results.Ok(await evaluator.EvaluateAsync(ct))
                    : Problems.From(AppError.Forbidden("只有执法监督机构或系统管理员可以立即重新计算预警")))
            .WithSummary("立即重新计算预警(平时每天自动计算一次):新发现的问题生成预警,问题已消除的预警自动关闭,返回新增、关闭和未关闭的数量")
            .Produces<AlertRun>();

        api.MapPost("/officers/{certificateNumber}/trainings", async (string certificateNumber, RecordTrainingRequest body,
                OfficerTrainingCommands commands, HttpResponse response, CancellationToken ct) =>
            {
                var outcome = await commands.RecordAsync(certificateNumber, body, ct);
                return outcome.IsSuccess
                    ? Results.Created($"/api/v1/officers/{Uri.EscapeDataString(certificateNumber)}/trainings/{outcome.Value.Id}", outcome.Value)
                    : Problems.From(outcome.Error);
            })
            .WithTags("执法人员")
            .WithSummary("登记执法人员的一次培训:培训日期(trainedOn)、学时(hours)、培训课程(course);返回当年累计学时和每年应达到的学时。系统管理员或本机关管理员可用")
            .Produces<TrainingView>(StatusCodes.Status201Created);
    }
}

/// <summary>The daily evaluation (Zhifa:Alerts:DailyAt, the platform's time zone).</summary>
[DisallowConcurrentExecution]
public sealed class AlertEvaluationJob(AlertEvaluator evaluator, ILogger<AlertEvaluationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await evaluator.EvaluateAsync(cancellationToken);
        logger.LogInformation("预警计算完成:新增 {Opened},关闭 {Closed},未关闭 {Open}", run.Opened, run.Closed, run.Open);
    }
}
