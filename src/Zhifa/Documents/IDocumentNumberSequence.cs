using System.Collections.Concurrent;

namespace Zhifa.Documents;

/// <summary>
/// Hands out document sequence numbers: 1, 2, 3 … per agency, year and kind, never the same one twice.
/// The persistent implementation lives with the case store; <see cref="InMemoryDocumentNumberSequence"/>
/// serves tests and the demo.
/// </summary>
public interface IDocumentNumberSequence
{
    Task<int> NextAsync(long agencyId, int year, DocumentKind kind, CancellationToken cancellationToken);
}

/// <summary>A thread-safe sequence kept in memory; numbers restart with the process.</summary>
public sealed class InMemoryDocumentNumberSequence : IDocumentNumberSequence
{
    private readonly ConcurrentDictionary<(long AgencyId, int Year, DocumentKind Kind), int> _last = new();

    public Task<int> NextAsync(long agencyId, int year, DocumentKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_last.AddOrUpdate((agencyId, year, kind), 1, (_, last) => last + 1));
    }
}
