using System.CommandLine;
using Zhifa.Data.Statistics;
using Zhifa.Reports;

namespace Zhifa.Cli;

/// <summary><c>zhifa report annual --year YYYY [--region CODE | --agency CODE] [--format md|json] [--out FILE]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码(区县、地市或省级)" };
        var agency = new Option<string?>("--agency") { Description = "机关编码" };
        var format = new Option<string>("--format") { Description = "输出格式:md(默认)或 json", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "写入文件,而不是标准输出" };
        var annual = new Command("annual", "年度行政执法工作报告") { year, region, agency, format, output };
        annual.SetAction(async (pr, ct) =>
        {
            var y = pr.GetValue(year);
            if (y is < 1949 or > 9999)
                return CliOutput.Fail($"--year 无效:{y},应为四位年份");
            if (Scope(pr.GetValue(region), pr.GetValue(agency)) is not { } scope)
                return ExitCodes.BadInput;
            var fmt = pr.GetValue(format)!.ToLowerInvariant();
            if (fmt is not ("md" or "json"))
                return CliOutput.Fail(fmt is "docx" or "pdf" or "xlsx"
                    ? $"--format {fmt}:Word、PDF、Excel 格式的年度报告尚未提供,请使用 md 或 json"
                    : $"--format 无效:{fmt},应为 md 或 json");
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var service = await StatisticsService.ForAsync(target, ct);
            var figures = await service.ComputeAsync(StatisticsPeriod.Year(y), scope, ct);
            if (!figures.IsSuccess)
                return CliOutput.Fail(figures.Error!.Message);
            string text;
            if (fmt == "json")
                text = FiguresJson.Write(figures.Value, annual: true);
            else
            {
                var previous = await service.ComputeAsync(StatisticsPeriod.Year(y - 1), scope, ct);
                text = AnnualReportMarkdown.Write(figures.Value, previous.IsSuccess ? previous.Value : null);
            }
            var file = pr.GetValue(output);
            if (file is null)
                Console.WriteLine(text);
            else
                await File.WriteAllTextAsync(file, text + "\n", ct);
            return ExitCodes.Ok;
        });
        return new Command("report", "报告") { annual, Statistics() };
    }

    /// <summary><c>zhifa report statistics --from D --to D [--region|--agency]</c>: the figures of any period as JSON, as the API gives them.</summary>
    private static Command Statistics()
    {
        var from = new Option<string>("--from") { Description = "开始日期 YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "结束日期 YYYY-MM-DD", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码" };
        var agency = new Option<string?>("--agency") { Description = "机关编码" };
        var cmd = new Command("statistics", "任意期间与范围的执法监督统计(JSON)") { from, to, region, agency };
        cmd.SetAction(async (pr, ct) =>
        {
            if (Scope(pr.GetValue(region), pr.GetValue(agency)) is not { } scope)
                return ExitCodes.BadInput;
            if (!Zhifa.Data.Import.FieldParsers.TryDate(pr.GetValue(from)!, out var fromDate))
                return CliOutput.Fail($"--from:{Zhifa.Data.Import.FieldParsers.DateRule(pr.GetValue(from)!)}");
            if (!Zhifa.Data.Import.FieldParsers.TryDate(pr.GetValue(to)!, out var toDate))
                return CliOutput.Fail($"--to:{Zhifa.Data.Import.FieldParsers.DateRule(pr.GetValue(to)!)}");
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var figures = await (await StatisticsService.ForAsync(target, ct))
                .ComputeAsync(new StatisticsPeriod(fromDate, toDate), scope, ct);
            if (!figures.IsSuccess)
                return CliOutput.Fail(figures.Error!.Message);
            Console.WriteLine(FiguresJson.Write(figures.Value, annual: false));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>--region or --agency (not both) as a scope; null after printing why.</summary>
    private static StatisticsScope? Scope(string? region, string? agency)
    {
        if (region is not null && agency is not null)
        {
            CliOutput.Fail("--region 与 --agency 只能选择其一");
            return null;
        }
        return agency is not null ? StatisticsScope.ForAgency(agency)
            : region is not null ? StatisticsScope.ForRegion(region) : StatisticsScope.All;
    }
}
