using System.Globalization;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Reports;

/// <summary>
/// The annual report for the caller's scope, as the statistics scope it: the supervision office any region or agency
/// (everything by default), an agency account its own agency only (another agency is 404, a region 403).
/// </summary>
public sealed class AnnualReportQueries(DatabaseTarget target, StatisticsQueries statistics, IConfiguration configuration)
{
    public async Task<Outcome<ReportDocument>> BuildAsync(string? year, string? region, string? agency, CancellationToken ct = default)
    {
        if (!int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1949 or > 9999)
            return AppError.Invalid("year", "report.year_invalid", string.IsNullOrWhiteSpace(year) ? "请填写年度 year(四位年份)" : $"年度\"{year}\"无效,应为四位年份");
        if (!string.IsNullOrWhiteSpace(region) && !string.IsNullOrWhiteSpace(agency))
            return AppError.Invalid("region", "request.invalid", "region 与 agency 只能指定其一");
        var scope = await statistics.ResolveScopeAsync(region, agency, ct);
        if (!scope.IsSuccess)
            return scope.Error;
        var report = await new AnnualReportService(target).BuildAsync(y, scope.Value, ct);
        if (report.IsSuccess)
            return report.Value;
        return report.Error.Code == "statistics.unknown_agency"
            ? AppError.NotFound("agency.not_found", report.Error.Message)
            : AppError.Invalid(region is null ? "year" : "region", report.Error.Code, report.Error.Message);
    }

    /// <summary>The report as a file of the format asked for (md, docx, xlsx, pdf).</summary>
    public async Task<Outcome<ReportFile>> FileAsync(string? year, string? format, string? region, string? agency, CancellationToken ct = default)
    {
        if (!AnnualReportFiles.TryParse(format ?? "", out var kind))
            return AppError.Invalid("format", "report.format_invalid",
                string.IsNullOrWhiteSpace(format) ? $"请指定格式 format:{AnnualReportFiles.FormatsText}" : $"格式\"{format}\"无效,应为 {AnnualReportFiles.FormatsText}");
        var report = await BuildAsync(year, region, agency, ct);
        if (!report.IsSuccess)
            return report.Error;
        return Render(report.Value, kind);
    }

    public Outcome<ReportFile> Render(ReportDocument report, AnnualReportFormat format)
    {
        var file = AnnualReportFiles.Render(report, format, FontPath);
        return file.IsSuccess ? file.Value : new AppError(FailureKind.RuleBroken, file.Error.Code, file.Error.Message);
    }

    /// <summary>The charts of the report page as PNG images, or the reason they cannot be drawn (no Chinese font).</summary>
    public Outcome<IReadOnlyList<(ReportChart Chart, byte[] Png)>> Charts(ReportDocument report)
    {
        var font = ReportFonts.Find(FontPath);
        if (!font.IsSuccess)
            return new AppError(FailureKind.RuleBroken, font.Error.Code, font.Error.Message);
        return report.Charts.Select(c => (c, ReportCharts.Png(c, font.Value))).ToList();
    }

    private string? FontPath => configuration[ReportFonts.ConfigurationKey];
}

public static class AnnualReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/annual", async (string? year, string? format, string? region, string? agency, AnnualReportQueries q, CancellationToken ct) =>
                Download(await q.FileAsync(year, format, region, agency, ct)))
            .WithTags("执法监督统计")
            .WithSummary("下载年度行政执法工作报告:format 为 md、docx、xlsx 或 pdf;区划或执法主体范围同执法监督统计");
        api.MapGet("/reports/bulletin", async (string? month, string? format, string? region, string? agency, MonthlyBulletinQueries q, CancellationToken ct) =>
                Download(await q.FileAsync(month, format, region, agency, ct)))
            .WithTags("执法监督统计")
            .WithSummary("下载月度行政执法监督工作简报:month 为 YYYY-MM,format 为 md 或 docx;范围同年度报告");
    }

    /// <summary>The report as a download, or the refusal as ProblemDetails.</summary>
    private static IResult Download(Outcome<ReportFile> file) =>
        file.IsSuccess ? Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : Problems.From(file.Error);
}
