using Zhifa.Domain.Common;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web;

namespace Zhifa.Publicity;

/// <summary>
/// 事后公开: the published penalty decisions the portal shows, for anyone (no caller scope: everything here is public).
/// Used by <c>/api/v1/public/decisions</c> and the pages under /public/decisions alike.
/// </summary>
public sealed class PublicDecisionQueries(DatabaseTarget target, ZhifaDbContext db, PublicityRules rules, TimeProvider clock)
{
    public const int MaxTermLength = 100;

    public async Task<Outcome<DecisionPage>> SearchAsync(DecisionSearch search, Paging paging, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var party = PartyMasking.NormaliseSearchTerm(search.Party);
        if (party.Length > MaxTermLength)
            errors["party"] = [$"当事人名称不能超过 {MaxTermLength} 个字符"];
        var number = search.Number?.Trim() ?? "";
        if (number.Length > 64)
            errors["number"] = ["案件编号不能超过 64 个字符"];
        var from = ParseDate(search.From, "from", "开始日期", errors);
        var to = ParseDate(search.To, "to", "结束日期", errors);
        if (from is not null && to is not null && to < from)
            errors["to"] = [$"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}"];
        if (paging.Skip >= PublicDecisionSql.MaxCounted)
            errors["page"] = [$"只能查看前 {PublicDecisionSql.MaxCounted} 件查询结果,请增加查询条件缩小范围"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var sql = new PublicDecisionSql(target.Provider, rules, Today()).Visible().DecidedBetween(from, to);
        if (!string.IsNullOrWhiteSpace(search.Agency))
        {
            var code = search.Agency.Trim();
            var agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
                return AppError.NotFound("agency.not_found", $"执法机关\"{code}\"不存在");
            sql.Agency(agencyId.Value);
        }
        if (number.Length > 0)
            sql.Number(number);

        await using var conn = await OpenAsync(ct);
        if (party.Length > 0)
        {
            var creditCodeStored = false;
            if (party.Length <= 18) // the length of a credit code
            {
                await using var cmd = PublicDecisionSql.CreditCodeCommand(conn, party);
                creditCodeStored = await cmd.ExecuteScalarAsync(ct) is not null and not DBNull;
            }
            sql.Party(party, creditCodeStored);
        }
        var ids = await IdsAsync(sql.PageCommand(conn, paging.Skip, paging.PageSize), ct);
        long counted = paging.Skip + ids.Count; // a page that is not full is the last one: no count needed
        if (ids.Count == paging.PageSize || (ids.Count == 0 && paging.Skip > 0))
        {
            await using var cmd = sql.CountCommand(conn);
            counted = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        return new DecisionPage(await RowsAsync(conn, ids, ct), (int)Math.Min(counted, PublicDecisionSql.MaxCounted), counted > PublicDecisionSql.MaxCounted);
    }

    /// <summary>One shown decision by its case number; unpublished, withdrawn and expired ones are 404 like unknown ones.</summary>
    public async Task<Outcome<PublicDecision>> DecisionAsync(string number, CancellationToken ct = default)
    {
        var sql = new PublicDecisionSql(target.Provider, rules, Today()).Visible().Number(number.Trim());
        await using var conn = await OpenAsync(ct);
        var ids = await IdsAsync(sql.PageCommand(conn, 0, 1), ct);
        if (ids.Count == 0)
            return AppError.NotFound("publicity.decision_not_found", $"未查询到案件编号为\"{number}\"的公示处罚决定");
        return (await RowsAsync(conn, ids, ct))[0];
    }

    private static async Task<List<long>> IdsAsync(DbCommand command, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var cmd = command;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            ids.Add(r.GetInt64(0));
        return ids;
    }

    private DateOnly Today() => clock.Today();

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = await target.OpenConnectionAsync(ct);
        if (conn is Npgsql.NpgsqlConnection)
        {
            // A capped count is planned as expensive, and compiling it would cost more than it saves (as for statistics).
            await using var jit = conn.CreateCommand();
            jit.CommandText = "SET jit = off";
            await jit.ExecuteNonQueryAsync(ct);
        }
        return conn;
    }

    private async Task<IReadOnlyList<PublicDecision>> RowsAsync(DbConnection conn, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var byId = new Dictionary<long, PublicDecision>(ids.Count);
        await using var cmd = PublicDecisionSql.RowsCommand(conn, ids);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            PartyType? type = r.IsDBNull(2) ? null : Enum.Parse<PartyType>(r.GetString(2));
            var party = PartyMasking.Publish(type, r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
            decimal? fine = r.IsDBNull(9) ? null : r.GetInt64(9) / 100m;
            var outcome = r.IsDBNull(10) ? null : r.GetString(10);
            var published = r.GetFieldValue<DateOnly>(8);
            var period = rules.PeriodOf(type, fine, outcome);
            byId[r.GetInt64(0)] = new PublicDecision(r.GetString(1), party.Name, type?.ToChinese() ?? "", party.CreditCode,
                r.GetString(5), r.GetString(6), r.GetFieldValue<DateOnly>(7), published, fine, outcome,
                r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), PeriodText(period), rules.LastDayShown(published, period));
        }
        return ids.Select(i => byId[i]).ToList();
    }

    private string PeriodText(PublicationPeriod period)
    {
        var months = rules.Months(period);
        return months % 12 == 0 ? $"{months / 12}年" : $"{months}个月";
    }

    internal static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[field] = [$"{label}\"{text}\"无效,应为 YYYY-MM-DD"];
        return null;
    }
}
