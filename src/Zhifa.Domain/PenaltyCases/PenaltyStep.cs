namespace Zhifa.Domain.PenaltyCases;

/// <summary>An action on a penalty case; <see cref="PenaltyWorkflow"/> says in which stage and by which role.</summary>
public enum PenaltyStep
{
    ApproveFiling,     // 立案审批 (starts a general-procedure case)
    DecideOnTheSpot,   // 当场处罚 (starts and decides a summary-procedure case)
    AssignOfficer,     // 指派执法人员
    RecordRecusal,     // 决定回避
    Classify,          // 标注案件情形 (grounds for legal review and collective discussion)
    ApproveExtension,  // 批准延长办案期限
    RecordEvidence,    // 调查取证
    Notify,            // 告知拟处罚
    RecordStatement,   // 记录陈述申辩
    RecordWaiver,      // 记录放弃陈述申辩和听证
    RequestHearing,    // 申请听证
    ScheduleHearing,   // 安排听证
    RecordHearing,     // 记录听证
    SubmitForReview,   // 提交法制审核
    PassReview,        // 法制审核通过
    ReturnReview,      // 法制审核退回
    RecordDiscussion,  // 记录集体讨论
    Decide,            // 作出决定
    Serve,             // 送达决定书
    RecordPayment,     // 登记缴款
    ApproveInstalments, // 批准分期缴纳
    ApproveDeferral,   // 批准延期缴纳
    StartAppeal,       // 登记复议或诉讼
    EndAppeal,         // 复议或诉讼结束
    Close,             // 结案
    Archive,           // 归档
    Publish,           // 公示处罚决定 (any stage after a general-procedure decision)
}

public static class PenaltyStepNames
{
    private static readonly ChineseNames<PenaltyStep> Names = new(new()
    {
        [PenaltyStep.ApproveFiling] = "立案审批",
        [PenaltyStep.DecideOnTheSpot] = "当场处罚",
        [PenaltyStep.AssignOfficer] = "指派执法人员",
        [PenaltyStep.RecordRecusal] = "决定回避",
        [PenaltyStep.Classify] = "标注案件情形",
        [PenaltyStep.ApproveExtension] = "批准延长办案期限",
        [PenaltyStep.RecordEvidence] = "调查取证",
        [PenaltyStep.Notify] = "告知拟处罚",
        [PenaltyStep.RecordStatement] = "记录陈述申辩",
        [PenaltyStep.RecordWaiver] = "记录放弃陈述申辩和听证",
        [PenaltyStep.RequestHearing] = "申请听证",
        [PenaltyStep.ScheduleHearing] = "安排听证",
        [PenaltyStep.RecordHearing] = "记录听证",
        [PenaltyStep.SubmitForReview] = "提交法制审核",
        [PenaltyStep.PassReview] = "法制审核通过",
        [PenaltyStep.ReturnReview] = "法制审核退回",
        [PenaltyStep.RecordDiscussion] = "记录集体讨论",
        [PenaltyStep.Decide] = "作出决定",
        [PenaltyStep.Serve] = "送达决定书",
        [PenaltyStep.RecordPayment] = "登记缴款",
        [PenaltyStep.ApproveInstalments] = "批准分期缴纳",
        [PenaltyStep.ApproveDeferral] = "批准延期缴纳",
        [PenaltyStep.StartAppeal] = "登记复议或诉讼",
        [PenaltyStep.EndAppeal] = "复议或诉讼结束",
        [PenaltyStep.Close] = "结案",
        [PenaltyStep.Archive] = "归档",
        [PenaltyStep.Publish] = "公示处罚决定",
    });

    public static string ToChinese(this PenaltyStep step) => Names.Of(step);

    public static bool TryParseChinese(string text, out PenaltyStep step) => Names.TryParse(text, out step);
}
