using System.Data.Common;
using Dapper;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.Import;

public sealed record AgencyRef(long Id, AgencyCategory Category);

public sealed record PowerRef(long Id, long AgencyId, PowerCategory Category);

public sealed record OfficerRef(long Id, long AgencyId, DateOnly IssuedOn, DateOnly? RevokedOn)
{
    // 行政处罚法 第四十二条: the certificate is valid on the day of the act.
    public bool ValidOn(DateOnly day) => IssuedOn <= day && (RevokedOn is null || RevokedOn > day);
}

/// <summary>
/// The catalog an import checks references against: what the database holds plus what this run adds.
/// An entry with Id 0 is a row of this run that was refused; references to it are not reported again.
/// </summary>
public sealed class CatalogLookup
{
    public Dictionary<string, AgencyRef> Agencies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PowerRef> Powers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OfficerRef> Officers { get; } = new(StringComparer.Ordinal);

    public static async Task<CatalogLookup> LoadAsync(DbConnection conn, DbTransaction tx)
    {
        var lookup = new CatalogLookup();
        foreach (var a in await conn.QueryAsync<(long Id, string Code, string Category)>(
                     "SELECT id, code, category FROM agencies", transaction: tx))
            lookup.Agencies[a.Code] = new AgencyRef(a.Id, Enum.Parse<AgencyCategory>(a.Category));
        foreach (var p in await conn.QueryAsync<(long Id, string Code, long AgencyId, string Category)>(
                     "SELECT id, code, agency_id, category FROM powers", transaction: tx))
            lookup.Powers[p.Code] = new PowerRef(p.Id, p.AgencyId, Enum.Parse<PowerCategory>(p.Category));
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, certificate_number, agency_id, issued_on, revoked_on FROM officers";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            lookup.Officers[r.GetString(1)] = new OfficerRef(r.GetInt64(0), r.GetInt64(2),
                r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4));
        }
        return lookup;
    }
}
