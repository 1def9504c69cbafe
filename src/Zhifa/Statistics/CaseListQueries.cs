using System.Data.Common;
using System.Globalization;
using Zhifa.Data.Statistics;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Identifiers;
using Zhifa.Web;

namespace Zhifa.Statistics;

/// <summary>
/// The filters of the drill-down case list, as query parameters: the period (<c>from</c>, <c>to</c>, or a <c>month</c>
/// YYYY-MM, or both: their intersection), the scope (<c>region</c> or <c>agency</c>), the 案件类别 (<c>category</c>:
/// inspection, penalty or other, as statistics.md splits the cases), the 机关类别 (<c>agencyCategory</c>), a case
/// <c>number</c>, and the date the period applies to (<c>basis</c>: filed — 立案, the default — or decided: penalty
/// decisions by 决定 date, the cases behind the fines figure).
/// </summary>
public sealed record CaseListFilter(string? From, string? To, string? Month, string? Region, string? Agency, string? Category,
    string? AgencyCategory, string? Number, string? Basis);

/// <summary>One case of the drill-down list.</summary>
public sealed record CaseListRow(long Id, string Number, string AgencyCode, string AgencyName, string Category, string CategoryName,
    string PowerCode, string PowerName, DateOnly FiledOn, DateOnly? DecidedOn, long? FineFen);

/// <summary>
/// The records behind a dashboard figure: the cases of a period and scope, with the figure's own semantics, newest first.
/// The total is counted the way the figure is (whole months from the monthly summaries, the days outside them from the
/// cases), so it equals the figure and costs no count over millions of rows; a page is read inside the one or two
/// months it falls in (located from the same monthly counts), in windows of days from the month's end, through the
/// (agency_id, filed_on) or the decision-date index.
/// </summary>
public sealed class CaseListQueries(DatabaseTarget target, StatisticsQueries statistics)
{
    /// <summary>Rows a list can be paged into; beyond that, narrow the filter (an agency, a month).</summary>
    public const int MaxOffset = 10_000;

    private sealed record Slice(DateOnly From, DateOnly To, long Count);

    public async Task<Outcome<PageOf<CaseListRow>>> ListAsync(CaseListFilter filter, Paging paging, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(filter.From) || !string.IsNullOrWhiteSpace(filter.To) || string.IsNullOrWhiteSpace(filter.Month) && string.IsNullOrWhiteSpace(filter.Number))
        {
            from = StatisticsQueries.ParseDate(filter.From, "from", errors, "开始日期");
            to = StatisticsQueries.ParseDate(filter.To, "to", errors, "结束日期");
        }
        if (!string.IsNullOrWhiteSpace(filter.Month))
        {
            if (DateOnly.TryParseExact(filter.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            {
                from = from is { } f && f > m ? f : m;
                var end = m.AddMonths(1).AddDays(-1);
                to = to is { } t && t < end ? t : end;
            }
            else
                errors["month"] = [$"月份\"{filter.Month}\"无效,应为 YYYY-MM"];
        }
        if (!string.IsNullOrWhiteSpace(filter.Region) && !string.IsNullOrWhiteSpace(filter.Agency))
            errors["region"] = ["区划(region)与执法主体(agency)只能指定其一"];
        string? categorySql = null;
        switch (filter.Category?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case "inspection" or "行政检查":
                categorySql = " AND c.category = 'Inspection'";
                break;
            case "penalty" or "行政处罚":
                categorySql = " AND c.category = 'Penalty'";
                break;
            case "other" or "其他":
                categorySql = " AND c.category NOT IN ('Inspection', 'Penalty')";
                break;
            default:
                errors["category"] = [$"案件类别\"{filter.Category}\"无效,应为 inspection(行政检查)、penalty(行政处罚)或 other(其他)"];
                break;
        }
        AgencyCategory? agencyCategory = null;
        if (!string.IsNullOrWhiteSpace(filter.AgencyCategory))
        {
            var text = filter.AgencyCategory.Trim();
            if (AgencyCategoryNames.TryParseChinese(text, out var ac) || Enum.TryParse(text, true, out ac) && Enum.IsDefined(ac))
                agencyCategory = ac;
            else
                errors["agencyCategory"] = [$"机关类别\"{text}\"无效,应为:{string.Join("、", Enum.GetValues<AgencyCategory>().Select(c => c.ToChinese()))}"];
        }
        var decided = false;
        switch (filter.Basis?.Trim().ToLowerInvariant())
        {
            case null or "" or "filed":
                break;
            case "decided":
                decided = true;
                break;
            default:
                errors["basis"] = ["basis 应为 filed(按立案日期)或 decided(按处罚决定日期)"];
                break;
        }
        if (errors.Count == 0 && from is { } a && to is { } b && b < a)
            errors["to"] = [$"结束日期 {b:yyyy-MM-dd} 早于开始日期 {a:yyyy-MM-dd}"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var resolved = await statistics.ResolveScopeAsync(filter.Region, filter.Agency, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        await using var conn = await target.OpenConnectionAsync(ct);
        var all = await ScopeAgencies.LoadAsync(conn, ct);
        // Unknown agency 404 and malformed region 400, as the statistics answer.
        var scoped = ScopeAgencies.Select(all, resolved.Value, out var scopeError);
        if (scopeError is not null)
            return scopeError.Code == "statistics.unknown_agency"
                ? AppError.NotFound("agency.not_found", $"执法主体\"{resolved.Value.AgencyCode}\"不存在")
                : AppError.Invalid("region", scopeError.Code, scopeError.Message);
        if (agencyCategory is { } category)
            scoped = scoped.Where(x => x.Category == category).ToList();
        var byId = all.ToDictionary(x => x.Id);
        var agencyList = scoped.Count == 0 ? "-1" : string.Join(",", scoped.Select(x => x.Id));
        var dateColumn = decided ? "c.decided_on" : "c.filed_on";
        var where = $"c.agency_id IN ({agencyList}){(decided ? " AND c.category = 'Penalty'" : categorySql)}";

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            // One case by its number: the unique index, no summary involved.
            var range = from is { } f0 && to is { } t0 ? $" AND {dateColumn} >= @from AND {dateColumn} <= @to" : "";
            var rows = await RowsAsync(conn, $"{where} AND c.number = @number{range}", dateColumn, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue,
                0, paging.PageSize, byId, filter.Number.Trim(), ct);
            return new PageOf<CaseListRow>(rows, rows.Count);
        }

        var period = new StatisticsPeriod(from!.Value, to!.Value);
        var slices = await SlicesAsync(conn, period, agencyList, decided ? null : categorySql, decided, where, dateColumn, ct);
        var total = slices.Sum(s => s.Count);
        if (paging.Skip > MaxOffset)
            return AppError.Invalid("page", "cases.page_too_deep", $"列表只能翻到前 {MaxOffset} 条,请按执法主体或月份缩小范围");

        // Newest first: skip whole months by their counts, then read the page inside the month it starts in (and the
        // months before it, while the page is not full).
        var items = new List<CaseListRow>();
        long skip = paging.Skip;
        foreach (var slice in slices.OrderByDescending(s => s.From))
        {
            if (items.Count >= paging.PageSize)
                break;
            if (skip >= slice.Count)
            {
                skip -= slice.Count;
                continue;
            }
            // Inside the month, newest days first in windows of 1, 2, 4, … days: a window before the page is only
            // counted, so a page reads its own rows and not the month's (a city files thousands of cases a day).
            var end = slice.To;
            for (var days = 1; end >= slice.From && items.Count < paging.PageSize; days *= 2)
            {
                var start = end.AddDays(1 - days) < slice.From ? slice.From : end.AddDays(1 - days);
                var range = $"{where} AND {dateColumn} >= @from AND {dateColumn} <= @to";
                if (skip > 0)
                {
                    await using var count = Command(conn, $"SELECT count(*) FROM cases c WHERE {range}", start, end);
                    var inWindow = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                    if (skip >= inWindow)
                    {
                        skip -= inWindow;
                        end = start.AddDays(-1);
                        continue;
                    }
                }
                items.AddRange(await RowsAsync(conn, range, dateColumn, start, end, skip, paging.PageSize - items.Count, byId, null, ct));
                skip = 0;
                end = start.AddDays(-1);
            }
            skip = 0;
        }
        return new PageOf<CaseListRow>(items, (int)Math.Min(total, int.MaxValue));
    }

    /// <summary>
    /// The period cut by month, each with its count: whole months from the summaries (case_month_counts by 立案 month,
    /// decision_month_fines by 决定 month), the days before and after them from the cases — as the figures are counted.
    /// </summary>
    private static async Task<List<Slice>> SlicesAsync(DbConnection conn, StatisticsPeriod period, string agencyList, string? categorySql,
        bool decided, string where, string dateColumn, CancellationToken ct)
    {
        var slices = new List<Slice>();
        var wholeMonths = new Dictionary<DateOnly, long>();
        var firstWhole = period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1);
        var afterTo = period.To.AddDays(1);
        var endWhole = afterTo.Day == 1 ? afterTo : new DateOnly(period.To.Year, period.To.Month, 1);
        if (firstWhole < endWhole)
        {
            var sql = decided
                ? $"SELECT c.month, CAST(sum(c.decisions) AS bigint) FROM decision_month_fines c WHERE c.month >= @from AND c.month <= @to AND c.agency_id IN ({agencyList}) GROUP BY c.month"
                : $"SELECT c.month, CAST(sum(c.cases) AS bigint) FROM case_month_counts c WHERE c.month >= @from AND c.month <= @to AND c.agency_id IN ({agencyList}){categorySql} GROUP BY c.month";
            await using var cmd = Command(conn, sql, firstWhole, endWhole.AddMonths(-1));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                wholeMonths[r.GetFieldValue<DateOnly>(0)] = r.GetInt64(1);
        }
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
        {
            var sliceFrom = m < period.From ? period.From : m;
            var monthEnd = m.AddMonths(1).AddDays(-1);
            var sliceTo = monthEnd > period.To ? period.To : monthEnd;
            if (m >= firstWhole && m < endWhole)
                slices.Add(new Slice(sliceFrom, sliceTo, wholeMonths.GetValueOrDefault(m)));
            else
            {
                await using var cmd = Command(conn, $"SELECT count(*) FROM cases c WHERE {where} AND {dateColumn} >= @from AND {dateColumn} <= @to", sliceFrom, sliceTo);
                slices.Add(new Slice(sliceFrom, sliceTo, Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture)));
            }
        }
        return slices;
    }

    private static async Task<List<CaseListRow>> RowsAsync(DbConnection conn, string where, string dateColumn, DateOnly from, DateOnly to, long skip, int take,
        Dictionary<long, ScopeAgency> agencies, string? number, CancellationToken ct)
    {
        await using var cmd = Command(conn,
            "SELECT c.id, c.number, c.agency_id, c.category, p.code, p.name, c.filed_on, c.decided_on, c.fine_fen " +
            $"FROM cases c JOIN powers p ON p.id = c.power_id WHERE {where} ORDER BY {dateColumn} DESC, c.id DESC LIMIT @take OFFSET @skip", from, to);
        Add(cmd, "@take", take);
        Add(cmd, "@skip", skip);
        if (number is not null)
            Add(cmd, "@number", number);
        var rows = new List<CaseListRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var agency = agencies[r.GetInt64(2)];
            var category = Enum.Parse<PowerCategory>(r.GetString(3));
            rows.Add(new CaseListRow(r.GetInt64(0), r.GetString(1), agency.Code, agency.Name, category.ToString(), category.ToChinese(),
                r.GetString(4), r.GetString(5), r.GetFieldValue<DateOnly>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
                r.IsDBNull(8) ? null : r.GetInt64(8)));
        }
        return rows;
    }

    private static DbCommand Command(DbConnection conn, string sql, DateOnly from, DateOnly to)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@from", from);
        Add(cmd, "@to", to);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
