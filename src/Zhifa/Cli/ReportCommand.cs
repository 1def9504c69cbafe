using System.CommandLine;
using Zhifa.Data.Statistics;
using Zhifa.Reports;

namespace Zhifa.Cli;

/// <summary><c>zhifa report annual --year YYYY [--region CODE | --agency CODE] [--format md|json|docx|xlsx|pdf] [--out FILE]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码(区县、地市或省级)" };
        var agency = new Option<string?>("--agency") { Description = "机关编码" };
        var format = new Option<string>("--format") { Description = "输出格式:md(默认)、json、docx、xlsx 或 pdf", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "写入文件,而不是标准输出(docx、xlsx、pdf 不写到终端)" };
        var annual = new Command("annual", "年度行政执法工作报告") { year, region, agency, format, output };
        annual.SetAction(async (pr, ct) =>
        {
            var y = pr.GetValue(year);
            if (y is < 1949 or > 9999)
                return CliOutput.Fail($"--year 无效:{y},应为四位年份");
            if (Scope(pr.GetValue(region), pr.GetValue(agency)) is not { } scope)
                return ExitCodes.BadInput;
            var fmt = pr.GetValue(format)!.Trim().ToLowerInvariant();
            AnnualReportFormat document = default;
            if (fmt != "json" && !AnnualReportFiles.TryParse(fmt, out document))
                return CliOutput.Fail($"--format 无效:{fmt},应为 json、{AnnualReportFiles.FormatsText}");
            var file = pr.GetValue(output);
            if (fmt != "json" && AnnualReportFiles.IsBinary(document) && file is null && !Console.IsOutputRedirected)
                return CliOutput.Fail($"--format {fmt} 是二进制文件,不能输出到终端:请用 --out 指定文件,例如 --out 年度报告.{fmt}");
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            if (fmt == "json")
            {
                var figures = await (await StatisticsService.ForAsync(target, ct)).ComputeAsync(StatisticsPeriod.Year(y), scope, ct);
                if (!figures.IsSuccess)
                    return CliOutput.Fail(figures.Error!.Message);
                await WriteTextAsync(FiguresJson.Write(figures.Value, annual: true), file, ct);
                return ExitCodes.Ok;
            }
            var report = await new AnnualReportService(target).BuildAsync(y, scope, ct);
            if (!report.IsSuccess)
                return CliOutput.Fail(report.Error.Message);
            return await WriteDocumentAsync(report.Value, document, file, ct);
        });
        return new Command("report", "报告") { annual, Bulletin(), Statistics() };
    }

    /// <summary><c>zhifa report bulletin --month YYYY-MM [--region CODE | --agency CODE] [--format md|docx] [--out FILE]</c>: 监督工作简报.</summary>
    private static Command Bulletin()
    {
        var month = new Option<string>("--month") { Description = "月份 YYYY-MM", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码(区县、地市或省级)" };
        var agency = new Option<string?>("--agency") { Description = "机关编码" };
        var format = new Option<string>("--format") { Description = "输出格式:md(默认)或 docx", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "写入文件,而不是标准输出(docx 不写到终端)" };
        var cmd = new Command("bulletin", "月度行政执法监督工作简报") { month, region, agency, format, output };
        cmd.SetAction(async (pr, ct) =>
        {
            var text = pr.GetValue(month)!;
            if (!MonthlyBulletinService.TryParseMonth(text, out var m))
                return CliOutput.Fail($"--month 无效:{text},{MonthlyBulletinService.MonthRule}");
            if (Scope(pr.GetValue(region), pr.GetValue(agency)) is not { } scope)
                return ExitCodes.BadInput;
            var fmt = pr.GetValue(format)!.Trim().ToLowerInvariant();
            if (!MonthlyBulletinQueries.TryParseFormat(fmt, out var document))
                return CliOutput.Fail($"--format 无效:{fmt},应为 {MonthlyBulletinQueries.FormatsText}");
            var file = pr.GetValue(output);
            if (AnnualReportFiles.IsBinary(document) && file is null && !Console.IsOutputRedirected)
                return CliOutput.Fail($"--format {fmt} 是二进制文件,不能输出到终端:请用 --out 指定文件,例如 --out 简报.{fmt}");
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var bulletin = await new MonthlyBulletinService(target).BuildAsync(m, scope, ct);
            if (!bulletin.IsSuccess)
                return CliOutput.Fail(bulletin.Error.Message);
            return await WriteDocumentAsync(bulletin.Value, document, file, ct);
        });
        return cmd;
    }

    /// <summary>Markdown as text, other formats as bytes, to FILE or standard output.</summary>
    private static async Task<int> WriteDocumentAsync(ReportDocument report, AnnualReportFormat document, string? file, CancellationToken ct)
    {
        if (document == AnnualReportFormat.Md)
        {
            await WriteTextAsync(AnnualReportMarkdown.Write(report), file, ct);
            return ExitCodes.Ok;
        }
        var fontPath = new ConfigurationBuilder().AddEnvironmentVariables().Build()[ReportFonts.ConfigurationKey];
        var rendered = AnnualReportFiles.Render(report, document, fontPath);
        if (!rendered.IsSuccess)
            return CliOutput.Fail(rendered.Error.Message);
        if (file is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(rendered.Value.Content, ct);
        }
        else
            await File.WriteAllBytesAsync(file, rendered.Value.Content, ct);
        return ExitCodes.Ok;
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

    private static async Task WriteTextAsync(string text, string? file, CancellationToken ct)
    {
        if (file is null)
            Console.WriteLine(text);
        else
            await File.WriteAllTextAsync(file, text + "\n", ct);
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
