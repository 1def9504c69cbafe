using System.Data.Common;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Data.Statistics;

/// <summary>An agency as the statistics and the lists behind them see it.</summary>
public sealed record ScopeAgency(long Id, string Code, string Name, AgencyCategory Category, string RegionCode, DateOnly? Established, DateOnly? Abolished);

/// <summary>
/// The agencies of a <see cref="StatisticsScope"/>: one agency by code, those of a region (a city or province code covers
/// its districts) or all. One definition for the figures and for the records behind them, so both count the same agencies.
/// </summary>
public static class ScopeAgencies
{
    /// <summary>Every agency; the catalog is small and filtered in memory.</summary>
    public static async Task<List<ScopeAgency>> LoadAsync(DbConnection conn, CancellationToken ct = default)
    {
        var list = new List<ScopeAgency>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT id, code, name, category, region_code, established_on, abolished_on FROM agencies";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ScopeAgency(r.GetInt64(0), r.GetString(1), r.GetString(2), Enum.Parse<AgencyCategory>(r.GetString(3)), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6)));
        return list;
    }

    /// <summary>The scope's agencies, or the error: <c>statistics.unknown_agency</c>, or the region code's own.</summary>
    public static List<ScopeAgency> Select(List<ScopeAgency> all, StatisticsScope scope, out DomainError? error)
    {
        error = null;
        if (scope.AgencyCode is { } code)
        {
            var agency = all.Where(a => a.Code == code).ToList();
            if (agency.Count == 0)
                error = new DomainError("statistics.unknown_agency", $"机关编码\"{code}\"不存在");
            return agency;
        }
        if (scope.RegionCode is { } regionText)
        {
            var region = RegionCode.Create(regionText);
            if (!region.IsSuccess)
            {
                error = region.Error;
                return [];
            }
            return all.Where(a => RegionCode.Create(a.RegionCode) is { IsSuccess: true } r && region.Value.Covers(r.Value)).ToList();
        }
        return all;
    }
}
