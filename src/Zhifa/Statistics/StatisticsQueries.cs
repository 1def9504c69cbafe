using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Statistics;

/// <summary>
/// Supervision figures for the caller's scope. An agency-bound caller gets its own agency only: another agency
/// is 404 (as if it did not exist), a region is 403 (regions are the supervision office's view).
/// </summary>
public sealed class StatisticsQueries(DatabaseTarget target, ZhifaDbContext db, CallerScope scope)
{
    public async Task<Outcome<SupervisionFigures>> ComputeAsync(string? from, string? to, string? region, string? agency, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (!string.IsNullOrWhiteSpace(region) && !string.IsNullOrWhiteSpace(agency))
            errors["region"] = ["region 与 agency 只能指定其一"];
        if (errors.Count == 0 && toDate < fromDate)
            errors["to"] = [$"结束日期 {toDate:yyyy-MM-dd} 早于开始日期 {fromDate:yyyy-MM-dd}"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);
        var period = new StatisticsPeriod(fromDate!.Value, toDate!.Value);

        var resolved = await ResolveScopeAsync(region, agency, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var figures = await (await StatisticsService.ForAsync(target, ct)).ComputeAsync(period, resolved.Value, ct);
        if (figures.IsSuccess)
            return figures.Value;
        return figures.Error.Code == "statistics.unknown_agency"
            ? AppError.NotFound("agency.not_found", figures.Error.Message)
            : AppError.Invalid(region is null ? "from" : "region", figures.Error.Code, figures.Error.Message);
    }

    /// <summary>The figures of a calendar year for the caller's own scope (the dashboard).</summary>
    /// <summary>
    /// The year's figures; for the current year, year to date (through <paramref name="today"/>), so months still to
    /// come are not 零执法 and 同比 compares the same days of last year.
    /// </summary>
    public Task<Outcome<SupervisionFigures>> YearAsync(int year, DateOnly today, CancellationToken ct = default)
    {
        var end = new DateOnly(year, 12, 31);
        if (today.Year == year && today < end)
            end = today;
        return ComputeAsync($"{year:D4}-01-01", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, null, ct);
    }

    internal async Task<Outcome<StatisticsScope>> ResolveScopeAsync(string? region, string? agency, CancellationToken ct)
    {
        if (scope.SeesAllAgencies)
        {
            if (!string.IsNullOrWhiteSpace(agency))
                return StatisticsScope.ForAgency(agency.Trim());
            return string.IsNullOrWhiteSpace(region) ? StatisticsScope.All : StatisticsScope.ForRegion(region.Trim());
        }
        if (!string.IsNullOrWhiteSpace(region))
            return AppError.Forbidden("本账户只能查看本机关的统计数据,不能按区划查询");
        var own = await scope.Agencies(db).AsNoTracking().Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (own is null)
            return AppError.Forbidden("本账户未关联执法主体,无法查看统计数据");
        if (!string.IsNullOrWhiteSpace(agency) && agency.Trim() != own)
            return AppError.NotFound("agency.not_found", $"执法主体\"{agency.Trim()}\"不存在");
        return StatisticsScope.ForAgency(own);
    }

    /// <summary>
    /// A required YYYY-MM-DD query parameter, or its error under the parameter's name; with a Chinese
    /// <paramref name="label"/> (开始日期) the message names the field by it.
    /// </summary>
    internal static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors, string? label = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [label is null ? $"请填写 {field} 日期(YYYY-MM-DD)" : $"请填写{label}({field},YYYY-MM-DD)"];
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[field] = [$"{label ?? field + " 日期"}\"{text}\"无效,应为 YYYY-MM-DD"];
        return null;
    }
}
