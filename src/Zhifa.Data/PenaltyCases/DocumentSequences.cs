using System.Data.Common;
using Dapper;

namespace Zhifa.Data.PenaltyCases;

/// <summary>
/// The persistent series of document numbers (文号) per agency, year and kind. One upsert both creates the series and
/// takes its next value, so two requests can never take the same number: PostgreSQL locks the row for the
/// transaction, SQLite holds its single write lock. A value taken by a transaction that rolls back is not reused.
/// </summary>
public static class DocumentSequences
{
    public static Task<int> NextAsync(DbConnection conn, DbTransaction? tx, long agencyId, int year, string kind, CancellationToken ct = default) =>
        conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "INSERT INTO document_number_sequences (agency_id, year, kind, last_value) VALUES (@agencyId, @year, @kind, 1) " +
            "ON CONFLICT (agency_id, year, kind) DO UPDATE SET last_value = document_number_sequences.last_value + 1 RETURNING last_value",
            new { agencyId, year, kind }, tx, cancellationToken: ct));

    /// <summary>The number kept for a case's document, if one was given.</summary>
    public static Task<string?> KeptNumberAsync(DbConnection conn, DbTransaction? tx, long caseId, string kind, int item, CancellationToken ct = default) =>
        conn.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT number FROM penalty_case_documents WHERE case_id = @caseId AND kind = @kind AND item = @item",
            new { caseId, kind, item }, tx, cancellationToken: ct));

    public static Task KeepNumberAsync(DbConnection conn, DbTransaction tx, long caseId, string kind, int item, string number, string actor,
        DateTimeOffset at, CancellationToken ct = default) =>
        conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO penalty_case_documents (case_id, kind, item, number, allocated_at, allocated_by) VALUES (@caseId, @kind, @item, @number, @at, @actor)",
            new { caseId, kind, item, number, actor, at = at.ToUniversalTime() }, tx, cancellationToken: ct));

    /// <summary>
    /// True when the number is already taken: by an imported or other case (the case number is unique) or by another
    /// document. Imported cases carry numbers of the same form, so a series can run into one of them.
    /// </summary>
    public static async Task<bool> TakenAsync(DbConnection conn, DbTransaction? tx, string number, CancellationToken ct = default) =>
        await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT count(*) FROM cases WHERE number = @number) + (SELECT count(*) FROM penalty_case_documents WHERE number = @number)",
            new { number }, tx, cancellationToken: ct)) > 0;
}
