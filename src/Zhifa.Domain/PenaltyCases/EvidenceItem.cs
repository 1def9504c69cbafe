namespace Zhifa.Domain.PenaltyCases;

/// <summary>证据种类 (行政处罚法 第四十六条).</summary>
public enum EvidenceKind
{
    Documentary,     // 书证
    Physical,        // 物证
    AudioVisual,     // 视听资料
    Electronic,      // 电子数据
    WitnessTestimony, // 证人证言
    PartyStatement,  // 当事人的陈述
    ExpertOpinion,   // 鉴定意见
    InspectionRecord, // 勘验笔录、现场笔录
}

public static class EvidenceKindNames
{
    private static readonly ChineseNames<EvidenceKind> Names = new(new()
    {
        [EvidenceKind.Documentary] = "书证",
        [EvidenceKind.Physical] = "物证",
        [EvidenceKind.AudioVisual] = "视听资料",
        [EvidenceKind.Electronic] = "电子数据",
        [EvidenceKind.WitnessTestimony] = "证人证言",
        [EvidenceKind.PartyStatement] = "当事人的陈述",
        [EvidenceKind.ExpertOpinion] = "鉴定意见",
        [EvidenceKind.InspectionRecord] = "勘验笔录、现场笔录",
    });

    public static string ToChinese(this EvidenceKind kind) => Names.Of(kind);

    public static bool TryParseChinese(string text, out EvidenceKind kind) => Names.TryParse(text, out kind);
}

/// <summary>
/// One piece of evidence collected during investigation, with the officers who collected it and the SHA-256
/// of its file (lower-case hex) when there is one; the full-process record chains these hashes.
/// </summary>
public sealed class EvidenceItem
{
    private List<long> _collectorIds = [];

    private EvidenceItem() { }

    internal EvidenceItem(EvidenceKind kind, string description, DateOnly collectedOn, IEnumerable<long> collectorIds,
        string? fileSha256, DateTimeOffset recordedAt, string recordedBy)
    {
        Kind = kind;
        Description = description;
        CollectedOn = collectedOn;
        _collectorIds = collectorIds.Distinct().Order().ToList();
        FileSha256 = fileSha256;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly CollectedOn { get; private set; }
    public IReadOnlyList<long> CollectorIds => _collectorIds;
    public string? FileSha256 { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

/// <summary>Input of <see cref="PenaltyCase.RecordEvidence"/>.</summary>
public sealed record EvidenceInput(EvidenceKind Kind, string Description, DateOnly CollectedOn, string? FileSha256 = null);
