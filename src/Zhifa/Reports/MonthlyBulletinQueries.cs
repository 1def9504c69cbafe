using Zhifa.Data.Storage;
using Zhifa.Statistics;
using Zhifa.Web;

namespace Zhifa.Reports;

/// <summary>
/// The monthly bulletin for the caller's scope, scoped as the annual report (<see cref="AnnualReportQueries"/>): the
/// supervision office any region or agency, an agency account its own agency only (another agency is 404, a region 403).
/// </summary>
public sealed class MonthlyBulletinQueries(DatabaseTarget target, StatisticsQueries statistics, AnnualReportQueries reports)
{
    public const string FormatsText = "md 或 docx";

    public async Task<Outcome<ReportFile>> FileAsync(string? month, string? format, string? region, string? agency, CancellationToken ct = default)
    {
        if (!TryParseFormat(format, out var kind))
            return AppError.Invalid("format", "report.format_invalid",
                string.IsNullOrWhiteSpace(format) ? $"请指定格式 format:{FormatsText}" : $"格式\"{format}\"无效,应为 {FormatsText}");
        if (!MonthlyBulletinService.TryParseMonth(month, out var m))
            return AppError.Invalid("month", "report.month_invalid",
                string.IsNullOrWhiteSpace(month) ? "请填写月份 month(YYYY-MM)" : $"月份 month\"{month}\"无效,{MonthlyBulletinService.MonthRule}");
        if (!string.IsNullOrWhiteSpace(region) && !string.IsNullOrWhiteSpace(agency))
            return AppError.Invalid("region", "request.invalid", "region 与 agency 只能指定其一");
        var scope = await statistics.ResolveScopeAsync(region, agency, ct);
        if (!scope.IsSuccess)
            return scope.Error;
        var bulletin = await new MonthlyBulletinService(target).BuildAsync(m, scope.Value, ct);
        if (!bulletin.IsSuccess)
            return bulletin.Error.Code == "statistics.unknown_agency"
                ? AppError.NotFound("agency.not_found", bulletin.Error.Message)
                : AppError.Invalid(region is null ? "month" : "region", bulletin.Error.Code, bulletin.Error.Message);
        return reports.Render(bulletin.Value, kind);
    }

    /// <summary>The bulletin is written as Markdown or Word only.</summary>
    public static bool TryParseFormat(string? text, out AnnualReportFormat format) =>
        AnnualReportFiles.TryParse(text, out format) && format is AnnualReportFormat.Md or AnnualReportFormat.Docx;
}
