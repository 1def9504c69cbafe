using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>The nine items of the legal-review checklist (shared/domain/legal-rules.md, 法制审核).</summary>
public enum ReviewChecklistItem
{
    AgencyHasPower,       // 1 执法主体合法
    OfficersQualified,    // 2 执法人员具备执法资格
    ProcedureLawful,      // 3 执法程序合法
    FactsAndEvidence,     // 4 事实清楚，证据合法充分
    LawAndDiscretion,     // 5 适用法律和裁量基准正确
    NoExcessOrAbuse,      // 6 未超越、滥用职权
    DocumentsComplete,    // 7 执法文书完备规范
    PartyRightsRespected, // 8 当事人告知、陈述申辩、听证权利得到保障
    CriminalReferral,     // 9 涉嫌犯罪案件依法移送
}

public enum ReviewOutcome
{
    Pending,  // 待审核
    Passed,   // 审核通过
    Returned, // 退回
}

public static class LegalReviewNames
{
    private static readonly ChineseNames<ReviewChecklistItem> Items = new(new()
    {
        [ReviewChecklistItem.AgencyHasPower] = "执法主体合法",
        [ReviewChecklistItem.OfficersQualified] = "执法人员具备执法资格",
        [ReviewChecklistItem.ProcedureLawful] = "执法程序合法",
        [ReviewChecklistItem.FactsAndEvidence] = "事实清楚，证据合法充分",
        [ReviewChecklistItem.LawAndDiscretion] = "适用法律和裁量基准正确",
        [ReviewChecklistItem.NoExcessOrAbuse] = "未超越、滥用职权",
        [ReviewChecklistItem.DocumentsComplete] = "执法文书完备规范",
        [ReviewChecklistItem.PartyRightsRespected] = "当事人告知、陈述申辩、听证权利得到保障",
        [ReviewChecklistItem.CriminalReferral] = "涉嫌犯罪案件依法移送",
    });

    private static readonly ChineseNames<ReviewOutcome> Outcomes = new(new()
    {
        [ReviewOutcome.Pending] = "待审核",
        [ReviewOutcome.Passed] = "审核通过",
        [ReviewOutcome.Returned] = "退回",
    });

    public static string ToChinese(this ReviewChecklistItem item) => Items.Of(item);

    public static bool TryParseChinese(string text, out ReviewChecklistItem item) => Items.TryParse(text, out item);

    public static string ToChinese(this ReviewOutcome outcome) => Outcomes.Of(outcome);

    public static bool TryParseChinese(string text, out ReviewOutcome outcome) => Outcomes.TryParse(text, out outcome);
}

/// <summary>The reviewer's answer on one checklist item: confirmed, or returned with a reason.</summary>
public sealed record ReviewItemResult(ReviewChecklistItem Item, bool Confirmed, string? Reason);

/// <summary>
/// 法制审核 task of a penalty case: assigned to a qualified legal reviewer of the agency who is not a handler
/// (办审分离), completed with the nine-item checklist. Passed when all nine are confirmed, Returned otherwise.
/// </summary>
public sealed class LegalReviewTask
{
    private List<ReviewItemResult> _items = [];

    private LegalReviewTask() { }

    internal LegalReviewTask(long reviewerOfficerId, string reviewerName, DateOnly submittedOn, DateTimeOffset submittedAt, string submittedBy)
    {
        ReviewerOfficerId = reviewerOfficerId;
        ReviewerName = reviewerName;
        SubmittedOn = submittedOn;
        SubmittedAt = submittedAt;
        SubmittedBy = submittedBy;
    }

    public long Id { get; private set; }
    public long ReviewerOfficerId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    public DateOnly SubmittedOn { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public ReviewOutcome Outcome { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>审核意见.</summary>
    public string? Opinion { get; private set; }
    public IReadOnlyList<ReviewItemResult> Items => _items;

    /// <summary>The outcome the checklist gives, or why it is not a complete, well-formed checklist.</summary>
    public static Result<ReviewOutcome> Evaluate(IReadOnlyCollection<ReviewItemResult> items)
    {
        var duplicate = items.GroupBy(i => i.Item).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return Guard.Error("review_item_duplicate", $"审核事项「{duplicate.Key.ToChinese()}」填写了多次");
        var missing = Enum.GetValues<ReviewChecklistItem>().Where(i => items.All(r => r.Item != i)).ToList();
        if (missing.Count > 0)
            return Guard.Error("review_checklist_incomplete", $"审核清单未完成，缺少：{string.Join("、", missing.Select(i => i.ToChinese()))}");
        var unexplained = items.FirstOrDefault(i => !i.Confirmed && string.IsNullOrWhiteSpace(i.Reason));
        if (unexplained is not null)
            return Guard.Error("review_reason_required", $"审核事项「{unexplained.Item.ToChinese()}」退回时必须说明理由");
        return items.All(i => i.Confirmed) ? ReviewOutcome.Passed : ReviewOutcome.Returned;
    }

    internal void Complete(ReviewOutcome outcome, IEnumerable<ReviewItemResult> items, string? opinion, DateOnly on, DateTimeOffset at)
    {
        Outcome = outcome;
        _items = items.OrderBy(i => i.Item).Select(i => i with { Reason = i.Reason?.Trim() }).ToList();
        Opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim();
        CompletedOn = on;
        CompletedAt = at;
    }

    /// <summary>The returned items with their reasons, for the handler.</summary>
    public string ReturnReasons => string.Join("；", _items.Where(i => !i.Confirmed).Select(i => $"{i.Item.ToChinese()}：{i.Reason}"));
}
