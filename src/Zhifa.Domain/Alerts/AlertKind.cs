namespace Zhifa.Domain.Alerts;

/// <summary>The kinds of alert (预警) the supervision office watches (ADR-015). Stored by name.</summary>
public enum AlertKind
{
    ZeroEnforcement,       // 零执法: an agency with no case in a month
    DecisionDue,           // 处罚决定临近期限
    DecisionOverdue,       // 处罚决定超期
    DecisionUnpublished,   // 处罚决定未公示
    DecisionPublishedLate, // 处罚决定逾期公示
    TooFewOfficers,        // 执法人员不足两名持证
    RevokedOfficerOpenCases, // 执法证已注销仍有在办案件
    TrainingHoursShort,    // 年度培训学时不足
    RectificationOverdue,  // 整改逾期: a 整改通知书 past its deadline and not accepted (ADR-020)
    DecisionWithoutLegalReview, // 重大执法决定未经法制审核: a platform decision whose review grounds hold now, with no passed review
}

/// <summary>What each kind is called in the inbox and the rule it cites (shared/domain/legal-rules.md, shared/spec/statistics.md).</summary>
public static class AlertKinds
{
    private static readonly Dictionary<AlertKind, (string Title, string Rule)> Texts = new()
    {
        [AlertKind.ZeroEnforcement] = ("零执法", "月度\"零执法\"(执法监督统计 zeroEnforcementMonths)"),
        [AlertKind.DecisionDue] = ("处罚决定临近期限", "行政处罚法 第六十条"),
        [AlertKind.DecisionOverdue] = ("处罚决定超期", "行政处罚法 第六十条"),
        [AlertKind.DecisionUnpublished] = ("处罚决定未公示", "国办发〔2018〕118号"),
        [AlertKind.DecisionPublishedLate] = ("处罚决定逾期公示", "国办发〔2018〕118号"),
        [AlertKind.TooFewOfficers] = ("执法人员不足两名持证", "行政处罚法 第四十二条"),
        [AlertKind.RevokedOfficerOpenCases] = ("执法证已注销仍有在办案件", "行政处罚法 第四十二条"),
        [AlertKind.TrainingHoursShort] = ("年度培训学时不足", "行政执法人员年度培训学时要求"),
        [AlertKind.RectificationOverdue] = ("整改逾期", "整改通知书规定的整改期限"),
        [AlertKind.DecisionWithoutLegalReview] = ("重大执法决定未经法制审核", "行政处罚法 第五十八条"),
    };

    public static string Title(this AlertKind kind) => Texts[kind].Title;

    public static string Rule(this AlertKind kind) => Texts[kind].Rule;

    /// <summary>A kind from its English name or its Chinese title; null when neither matches.</summary>
    public static AlertKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (Enum.TryParse<AlertKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            return kind;
        foreach (var (k, t) in Texts)
            if (t.Title == text)
                return k;
        return null;
    }
}
