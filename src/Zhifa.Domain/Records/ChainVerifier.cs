namespace Zhifa.Domain.Records;

/// <summary>The first thing wrong in a chain: which entry, a stable code and a Chinese explanation.</summary>
public sealed record RecordBreak(long ChainKey, long Sequence, string Code, string Message);

/// <summary>
/// Walks one chain entry by entry, in stored sequence order, holding only the last hash: a chain of any length is
/// checked in constant memory. Each entry must carry the next sequence, link to the previous entry's hash and hash to
/// its own stored hash; at the end the chain must stop exactly at its <see cref="RecordHead"/>. Reports the first
/// break and ignores everything after it.
/// </summary>
public sealed class ChainVerifier(long chainKey)
{
    private long _expected = 1;
    private string _previousHash = RecordChain.GenesisHash;

    public long ChainKey { get; } = chainKey;

    /// <summary>Entries checked and found sound so far.</summary>
    public long Verified => _expected - 1;

    public RecordBreak? Break { get; private set; }

    public bool IsIntact => Break is null;

    /// <summary>Checks the next stored entry; returns the break when this entry is the first that is wrong.</summary>
    public RecordBreak? Check(RecordEntry entry)
    {
        if (entry.ChainKey != ChainKey)
            throw new ArgumentException($"Entry of chain {entry.ChainKey} fed to the verifier of chain {ChainKey}", nameof(entry));
        if (Break is not null)
            return null;
        if (entry.Sequence > _expected)
            return Fail(_expected, "record.entry_missing",
                $"第 {_expected} 条记录缺失(下一条是第 {entry.Sequence} 条):记录被删除");
        if (entry.Sequence < _expected)
            return Fail(entry.Sequence, "record.sequence_repeated", $"第 {entry.Sequence} 条记录重复或顺序错乱");
        if (!string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
            return Fail(entry.Sequence, "record.link_broken",
                $"第 {entry.Sequence} 条记录与前一条记录的哈希不衔接:记录被删除、插入或调换了顺序");
        if (!string.Equals(RecordChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            return Fail(entry.Sequence, "record.content_changed",
                $"第 {entry.Sequence} 条记录({entry.Kind})的内容与哈希不符:记录写入后被修改");
        _previousHash = entry.Hash;
        _expected++;
        return null;
    }

    /// <summary>Checks that the chain ends at its head (null when the head row is missing).</summary>
    public RecordBreak? Finish(RecordHead? head)
    {
        if (Break is not null)
            return null;
        var last = _expected - 1;
        if (head is null)
            return last == 0 ? null : Fail(last, "record.head_missing", "链头登记缺失:无法确认最后的记录是否被删除");
        if (head.ChainKey != ChainKey)
            throw new ArgumentException($"Head of chain {head.ChainKey} given to the verifier of chain {ChainKey}", nameof(head));
        if (head.LastSequence > last)
            return Fail(last + 1, "record.tail_missing", last + 1 == head.LastSequence
                ? $"第 {last + 1} 条记录缺失:链的最后一条记录被删除"
                : $"第 {last + 1} 至 {head.LastSequence} 条记录缺失:链末尾的记录被删除");
        if (head.LastSequence < last)
            return Fail(head.LastSequence + 1, "record.unregistered_entry",
                $"第 {head.LastSequence + 1} 条记录未经平台登记:记录是绕过平台直接写入数据库的");
        if (!string.Equals(head.LastHash, _previousHash, StringComparison.Ordinal))
            return Fail(last, "record.head_mismatch", $"第 {last} 条记录与链头登记的哈希不符:最后的记录被替换");
        return null;
    }

    private RecordBreak Fail(long sequence, string code, string message)
    {
        Break = new RecordBreak(ChainKey, sequence, code, message);
        return Break;
    }
}
