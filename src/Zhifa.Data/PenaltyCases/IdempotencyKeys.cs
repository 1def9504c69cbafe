using System.Data.Common;
using Dapper;

namespace Zhifa.Data.PenaltyCases;

/// <summary>The first response to a create request sent with an <c>Idempotency-Key</c>.</summary>
public sealed record IdempotentResponse(string Operation, string RequestHash, int StatusCode, string Response, long? ResourceId);

/// <summary>
/// <c>Idempotency-Key</c> (api.md): a key is the caller's, so two users never collide. The row is written in the
/// same transaction as what the request created; a concurrent duplicate fails on the primary key, rolls back
/// everything it wrote, and then finds the first request's response.
/// </summary>
public static class IdempotencyKeys
{
    public const int MaxKeyLength = 200;

    public static async Task<IdempotentResponse?> FindAsync(DbConnection conn, string userName, string key, CancellationToken ct = default)
    {
        var row = await conn.QuerySingleOrDefaultAsync<(string Operation, string RequestHash, long StatusCode, string Response, long? ResourceId)>(
            new CommandDefinition("SELECT operation, request_hash, CAST(status_code AS bigint), response, resource_id FROM idempotency_keys " +
                                  "WHERE user_name = @userName AND key = @key", new { userName, key }, cancellationToken: ct));
        return row.Operation is null ? null : new IdempotentResponse(row.Operation, row.RequestHash, (int)row.StatusCode, row.Response, row.ResourceId);
    }

    public static Task SaveAsync(DbConnection conn, DbTransaction tx, string userName, string key, IdempotentResponse response,
        DateTimeOffset at, CancellationToken ct = default) =>
        conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO idempotency_keys (user_name, key, operation, request_hash, status_code, response, resource_id, created_at) " +
            "VALUES (@userName, @key, @Operation, @RequestHash, @StatusCode, @Response, @ResourceId, @at)",
            new { userName, key, response.Operation, response.RequestHash, response.StatusCode, response.Response, response.ResourceId, at = at.ToUniversalTime() },
            tx, cancellationToken: ct));
}
