namespace Zhifa.Domain.PenaltyCases;

public enum PenaltyOutcome
{
    Penalty,   // 给予行政处罚
    NoPenalty, // 不予行政处罚
}

/// <summary>Why no penalty is given (行政处罚法 第三十三条、第五十七条).</summary>
public enum NoPenaltyGround
{
    Exemption,           // 免罚清单 (第三十三条): needs the list entry and an education record
    FactsNotEstablished, // 违法事实不能成立 (第五十七条)
    OtherLegalGround,    // 其他法定情形 (e.g. 第三十条 不满十四周岁, 第三十一条 精神病人)
}

/// <summary>送达方式.</summary>
public enum ServiceMethod
{
    AtAnnouncement, // 宣告后当场交付
    Direct,         // 直接送达
    LeftAtAddress,  // 留置送达
    Electronic,     // 电子送达（当事人同意）
    Mail,           // 邮寄送达
    Entrusted,      // 委托送达
    Public,         // 公告送达
}

public static class PenaltyDecisionNames
{
    private static readonly ChineseNames<PenaltyOutcome> Outcomes = new(new()
    {
        [PenaltyOutcome.Penalty] = "给予行政处罚",
        [PenaltyOutcome.NoPenalty] = "不予行政处罚",
    });

    private static readonly ChineseNames<NoPenaltyGround> Grounds = new(new()
    {
        [NoPenaltyGround.Exemption] = "免罚清单",
        [NoPenaltyGround.FactsNotEstablished] = "违法事实不能成立",
        [NoPenaltyGround.OtherLegalGround] = "其他法定不予处罚情形",
    });

    private static readonly ChineseNames<ServiceMethod> Methods = new(new()
    {
        [ServiceMethod.AtAnnouncement] = "宣告后当场交付",
        [ServiceMethod.Direct] = "直接送达",
        [ServiceMethod.LeftAtAddress] = "留置送达",
        [ServiceMethod.Electronic] = "电子送达",
        [ServiceMethod.Mail] = "邮寄送达",
        [ServiceMethod.Entrusted] = "委托送达",
        [ServiceMethod.Public] = "公告送达",
    });

    public static string ToChinese(this PenaltyOutcome outcome) => Outcomes.Of(outcome);

    public static bool TryParseChinese(string text, out PenaltyOutcome outcome) => Outcomes.TryParse(text, out outcome);

    public static string ToChinese(this NoPenaltyGround ground) => Grounds.Of(ground);

    public static bool TryParseChinese(string text, out NoPenaltyGround ground) => Grounds.TryParse(text, out ground);

    public static string ToChinese(this ServiceMethod method) => Methods.Of(method);

    public static bool TryParseChinese(string text, out ServiceMethod method) => Methods.TryParse(text, out method);
}

/// <summary>
/// 行政处罚决定 or 不予行政处罚决定 (an owned value of the case). A penalty carries its terms and discretion;
/// no penalty carries its ground, reason, and for an exemption the list entry and the education record.
/// </summary>
public sealed class PenaltyDecision
{
    private PenaltyDecision() { }

    internal PenaltyDecision(DateOnly decidedOn, PenaltyOutcome outcome, string decidedBy)
    {
        DecidedOn = decidedOn;
        Outcome = outcome;
        DecidedBy = decidedBy;
    }

    public DateOnly DecidedOn { get; private set; }
    public PenaltyOutcome Outcome { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public PenaltyTerms? Terms { get; private set; }
    public DiscretionAssessment? Discretion { get; private set; }
    public NoPenaltyGround? NoPenaltyGround { get; private set; }
    public string? NoPenaltyReason { get; private set; }
    public long? ExemptionItemId { get; private set; }
    public ExemptionKind? ExemptionKind { get; private set; }

    /// <summary>教育记录 (行政处罚法 第三十三条: the party is educated when not penalised).</summary>
    public string? EducationRecord { get; private set; }

    public decimal Fine => Terms?.Fine ?? 0;

    internal static PenaltyDecision Penalise(DateOnly on, PenaltyTerms terms, DiscretionAssessment? discretion, string by) =>
        new(on, PenaltyOutcome.Penalty, by) { Terms = terms, Discretion = discretion };

    internal static PenaltyDecision NotPenalise(DateOnly on, NoPenaltyGround ground, string reason, ExemptionListItem? exemption,
        string? educationRecord, string by) =>
        new(on, PenaltyOutcome.NoPenalty, by)
        {
            NoPenaltyGround = ground,
            NoPenaltyReason = reason.Trim(),
            ExemptionItemId = exemption?.Id,
            ExemptionKind = exemption?.Kind,
            EducationRecord = educationRecord?.Trim(),
        };
}

/// <summary>
/// Input of <see cref="PenaltyCase.Decide"/>. For a penalty: kinds, fine, confiscation value, discretion.
/// For no penalty: the ground, the reason, and for an exemption the list entry and the education record.
/// </summary>
public sealed record DecisionInput(DateOnly DecidedOn, PenaltyOutcome Outcome)
{
    public IReadOnlyList<PenaltyKind> Kinds { get; init; } = [];
    public decimal? Fine { get; init; }
    public decimal? ConfiscationValue { get; init; }
    public DiscretionChoice? Discretion { get; init; }
    public NoPenaltyGround? NoPenaltyGround { get; init; }
    public string? NoPenaltyReason { get; init; }
    public ExemptionListItem? Exemption { get; init; }
    public string? EducationRecord { get; init; }
}
