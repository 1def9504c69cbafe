using Zhifa.Domain.Common;

namespace Zhifa.Domain.Rectifications;

/// <summary>The state of a 整改通知书 (ADR-020). Stored by name.</summary>
public enum RectificationStatus
{
    Issued,   // 已下发: waiting for the agency's answer
    Answered, // 已回复: the agency said what it changed; waiting for the office
    Accepted, // 已通过: the office accepted the rectification (final)
    Returned, // 已退回: the office returned the answer with a reason; the agency answers again
}

/// <summary>What is done to a notice after it is issued.</summary>
public enum RectificationAction
{
    Answer, // 回复
    Accept, // 通过
    Return, // 退回
}

/// <summary>The one transition table of 整改 and the overdue rule.</summary>
public static class RectificationTransitions
{
    private static readonly Dictionary<(RectificationStatus From, RectificationAction Action), RectificationStatus> Table = new()
    {
        [(RectificationStatus.Issued, RectificationAction.Answer)] = RectificationStatus.Answered,
        [(RectificationStatus.Returned, RectificationAction.Answer)] = RectificationStatus.Answered,
        [(RectificationStatus.Answered, RectificationAction.Accept)] = RectificationStatus.Accepted,
        [(RectificationStatus.Answered, RectificationAction.Return)] = RectificationStatus.Returned,
    };

    /// <summary>The state after <paramref name="action"/>, or why the action is not allowed in <paramref name="from"/>.</summary>
    public static Result<RectificationStatus> Apply(RectificationStatus from, RectificationAction action, string number) =>
        Table.TryGetValue((from, action), out var to)
            ? to
            : new DomainError("rectification.state",
                $"整改通知书 {number} 当前状态为\"{from.ToChinese()}\",不能{action.ToChinese()}(只有{string.Join("、", Table.Keys.Where(k => k.Action == action).Select(k => k.From.ToChinese()))}的通知书可以{action.ToChinese()})");

    /// <summary>Overdue: the deadline has passed (it is a day before <paramref name="today"/>) and the rectification is not accepted.</summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        status != RectificationStatus.Accepted && deadline < today;

    public static string ToChinese(this RectificationStatus status) => status switch
    {
        RectificationStatus.Issued => "已下发",
        RectificationStatus.Answered => "已回复",
        RectificationStatus.Accepted => "已通过",
        RectificationStatus.Returned => "已退回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToChinese(this RectificationAction action) => action switch
    {
        RectificationAction.Answer => "回复",
        RectificationAction.Accept => "通过",
        RectificationAction.Return => "退回",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
