namespace Zhifa.Domain.Records;

/// <summary>
/// The last sequence and hash of a chain, kept apart from the entries and moved in the same transaction as each
/// append. A chain read back must end exactly here: that is how a deleted last entry is found (ADR-006).
/// </summary>
public sealed class RecordHead
{
    public long ChainKey { get; private set; }
    public long LastSequence { get; private set; }
    public string LastHash { get; private set; } = RecordChain.GenesisHash;

    private RecordHead() { }

    public RecordHead(long chainKey, long lastSequence, string lastHash)
    {
        ChainKey = chainKey;
        LastSequence = lastSequence;
        LastHash = lastHash;
    }

    /// <summary>The head of a chain with no entry yet.</summary>
    public static RecordHead Genesis(long chainKey) => new(chainKey, 0, RecordChain.GenesisHash);

    /// <summary>The head after <paramref name="entry"/> was appended.</summary>
    public static RecordHead After(RecordEntry entry) => new(entry.ChainKey, entry.Sequence, entry.Hash);
}
