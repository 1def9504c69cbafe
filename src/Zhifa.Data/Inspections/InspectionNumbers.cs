using System.Data.Common;
using Dapper;
using Zhifa.Domain.Inspections;

namespace Zhifa.Data.Inspections;

/// <summary>
/// Hands out inspection numbers (<see cref="InspectionNumber"/>) inside the caller's transaction. The sequence row is
/// written first: on PostgreSQL the update locks it, so concurrent recordings of one agency and year queue; on SQLite
/// the write takes the database's single write lock. A rolled-back recording rolls its number back too, so the
/// register has no gaps. A number already used by an imported case is skipped.
/// </summary>
public static class InspectionNumbers
{
    public static async Task<string> NextAsync(DbConnection conn, DbTransaction tx, long agencyId, string agencyCode, int year,
        CancellationToken ct = default)
    {
        var key = new { agencyId, year };
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inspection_numbers (agency_id, year, last_sequence) VALUES (@agencyId, @year, 0) ON CONFLICT (agency_id, year) DO NOTHING",
            key, tx, cancellationToken: ct));
        while (true)
        {
            var sequence = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
                "UPDATE inspection_numbers SET last_sequence = last_sequence + 1 WHERE agency_id = @agencyId AND year = @year RETURNING last_sequence",
                key, tx, cancellationToken: ct));
            var number = InspectionNumber.Format(agencyCode, year, sequence);
            var taken = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM cases WHERE number = @number", new { number }, tx, cancellationToken: ct));
            if (taken is null)
                return number;
        }
    }
}
