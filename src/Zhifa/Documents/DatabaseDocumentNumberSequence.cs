using System.Data.Common;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;

namespace Zhifa.Documents;

/// <summary>
/// The persistent <see cref="IDocumentNumberSequence"/>: table <c>document_number_sequences</c>, one row per agency,
/// year and kind, advanced by a single upsert that both engines make atomic (<see cref="DocumentSequences"/>).
/// </summary>
public sealed class DatabaseDocumentNumberSequence(DatabaseTarget target) : IDocumentNumberSequence
{
    public async Task<int> NextAsync(long agencyId, int year, DocumentKind kind, CancellationToken cancellationToken)
    {
        await using var conn = await target.OpenConnectionAsync(cancellationToken);
        return await DocumentSequences.NextAsync(conn, null, agencyId, year, kind.ToString(), cancellationToken);
    }
}

/// <summary>Numbers for a case's documents, taken inside the transaction that keeps them with the case.</summary>
public static class DocumentNumbering
{
    /// <summary>
    /// The next free number of the agency's series for the year and kind. A number an imported case already carries
    /// (imports bring numbers of the same form) is passed over, so the platform never issues a number twice.
    /// </summary>
    public static async Task<Result<DocumentNumber>> AllocateAsync(DbConnection conn, DbTransaction tx, Agency agency, DocumentKind kind, int year,
        CancellationToken ct = default)
    {
        var prefix = DocumentPrefixes.For(agency);
        while (true)
        {
            var next = await DocumentSequences.NextAsync(conn, tx, agency.Id, year, kind.ToString(), ct);
            var number = DocumentNumber.Create(prefix, kind, year, next);
            if (!number.IsSuccess)
            {
                return new DomainError(number.Error.Code,
                    $"{number.Error.Message}。请系统管理员为{agency.Name}设置文号的机关代字(PUT /api/v1/agencies/{agency.Code}/document-prefix)");
            }
            if (!await DocumentSequences.TakenAsync(conn, tx, number.Value.ToString(), ct))
                return number;
        }
    }
}
