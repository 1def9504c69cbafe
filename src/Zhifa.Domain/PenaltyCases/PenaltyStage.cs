namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 阶段 of a penalty case. Statement and defence (陈述申辩) happen while <see cref="Notified"/>; the summary
/// procedure starts at <see cref="Served"/> because its decision is handed over on the spot.
/// </summary>
public enum PenaltyStage
{
    Filed,                // 立案
    Investigating,        // 调查取证
    Notified,             // 告知
    Hearing,              // 听证
    LegalReview,          // 法制审核
    CollectiveDiscussion, // 集体讨论
    Decided,              // 决定
    Served,               // 送达
    Executing,            // 执行
    Closed,               // 结案
    Archived,             // 归档
}

public static class PenaltyStageNames
{
    private static readonly ChineseNames<PenaltyStage> Names = new(new()
    {
        [PenaltyStage.Filed] = "立案",
        [PenaltyStage.Investigating] = "调查取证",
        [PenaltyStage.Notified] = "告知",
        [PenaltyStage.Hearing] = "听证",
        [PenaltyStage.LegalReview] = "法制审核",
        [PenaltyStage.CollectiveDiscussion] = "集体讨论",
        [PenaltyStage.Decided] = "决定",
        [PenaltyStage.Served] = "送达",
        [PenaltyStage.Executing] = "执行",
        [PenaltyStage.Closed] = "结案",
        [PenaltyStage.Archived] = "归档",
    });

    public static string ToChinese(this PenaltyStage stage) => Names.Of(stage);

    public static bool TryParseChinese(string text, out PenaltyStage stage) => Names.TryParse(text, out stage);

    /// <summary>The stages before a decision, in which the decision limit of 第六十条 runs.</summary>
    public static bool IsBeforeDecision(this PenaltyStage stage) => stage < PenaltyStage.Decided;
}
