using System.CommandLine;
using Zhifa.Alerts;
using Zhifa.Data.Alerts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Cli;

/// <summary>
/// <c>zhifa alerts evaluate</c>: the evaluation the daily job runs (ADR-015), for a scheduler outside the server or an
/// administrator. Settings come from the environment as for the server (e.g. <c>Zhifa__Alerts__TrainingHoursPerYear</c>).
/// </summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var evaluate = new Command("evaluate", "立即重新计算预警:新发现的问题生成预警,问题已消除的预警自动关闭");
        evaluate.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var settings = AlertEndpoints.Settings(configuration);
            var publicity = configuration.GetSection("Publicity").Get<PublicityRules>() ?? new PublicityRules();
            var clock = PlatformClock.ForZone(configuration["Zhifa:TimeZone"]);
            var run = await new AlertEvaluator(target, settings, publicity, clock).EvaluateAsync(ct);
            Console.WriteLine($"预警已重新计算:新增 {run.Opened} 条,关闭 {run.Closed} 条,未关闭 {run.Open} 条");
            return ExitCodes.Ok;
        });
        return new Command("alerts", "预警") { evaluate };
    }
}
