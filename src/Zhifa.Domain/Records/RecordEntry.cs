using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Records;

/// <summary>
/// One entry of the full-process record (执法全过程记录, 行政处罚法 第四十七条): a step, decision or evidence item of a
/// case, appended to the case's chain and never changed. Its <see cref="Hash"/> covers the previous entry's hash
/// and this entry's canonical form (<see cref="RecordChain"/>), so an edit, a reorder or a deletion breaks the chain.
/// </summary>
public sealed partial class RecordEntry
{
    public const int MaxKindLength = 64;
    public const int MaxActorLength = 256;

    /// <summary>The id of the case (table <c>cases</c>) the chain belongs to; <see cref="RecordChain.SystemChain"/> for imports.</summary>
    public long ChainKey { get; private set; }

    /// <summary>1, 2, 3 … within the chain, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>What happened, e.g. <c>penalty.filed</c>, <c>evidence.added</c>, <c>import</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>When it happened, in UTC to the millisecond (what both databases store exactly).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The user name of who did it.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The details as a JSON object in canonical form (<see cref="CanonicalJson"/>).</summary>
    public string Content { get; private set; } = "";

    /// <summary>The hash of the entry before it; 64 zeros for the first entry of a chain.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Lowercase hex SHA-256 of the previous hash and this entry's canonical form.</summary>
    public string Hash { get; private set; } = "";

    private RecordEntry() { }

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*$")]
    private static partial Regex KindPattern();

    /// <summary>A new entry after <paramref name="head"/>: the next sequence, linked to the head's hash.</summary>
    public static Result<RecordEntry> Create(RecordHead head, string kind, DateTimeOffset occurredAt, string actor, string contentJson)
    {
        if (string.IsNullOrEmpty(kind) || kind.Length > MaxKindLength || !KindPattern().IsMatch(kind))
            return new DomainError("record.kind_invalid", $"记录类型\"{kind}\"无效:应为不超过 {MaxKindLength} 个字符的小写英文代码,如 evidence.added");
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > MaxActorLength)
            return new DomainError("record.actor_invalid", $"记录须写明操作人(不超过 {MaxActorLength} 个字符)");
        var content = CanonicalJson.Canonicalize(contentJson);
        if (!content.IsSuccess)
            return content.Error;
        if (!content.Value.StartsWith('{'))
            return new DomainError("record.content_invalid", "记录内容应为 JSON 对象");
        var entry = new RecordEntry
        {
            ChainKey = head.ChainKey,
            Sequence = head.LastSequence + 1,
            Kind = kind,
            OccurredAt = RecordChain.Truncate(occurredAt),
            Actor = actor,
            Content = content.Value,
            PreviousHash = head.LastHash,
        };
        entry.Hash = RecordChain.ComputeHash(entry);
        return entry;
    }

    /// <summary>An entry as stored, taken as it is: nothing is recomputed, so verification sees any change.</summary>
    public static RecordEntry Stored(long chainKey, long sequence, string kind, DateTimeOffset occurredAt, string actor,
        string content, string previousHash, string hash) => new()
    {
        ChainKey = chainKey,
        Sequence = sequence,
        Kind = kind,
        OccurredAt = occurredAt,
        Actor = actor,
        Content = content,
        PreviousHash = previousHash,
        Hash = hash,
    };
}
