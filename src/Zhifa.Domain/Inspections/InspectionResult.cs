namespace Zhifa.Domain.Inspections;

/// <summary>检查结果: what the officers decided on the spot.</summary>
public enum InspectionResult
{
    NoProblem,    // 未发现问题
    Rectify,      // 责令改正 (with a rectification deadline)
    Referral,     // 移交立案 (a penalty case is opened from it)
}

/// <summary>Where an inspection stands, derived from its result and its follow-up (never stored).</summary>
public enum InspectionStatus
{
    Closed,            // 已办结
    Rectifying,        // 整改中
    RectifyOverdue,    // 逾期未整改
    Rectified,         // 已整改
    AwaitingReferral,  // 待移交立案
    Referred,          // 已移交立案
}

public static class InspectionNames
{
    private static readonly Dictionary<InspectionResult, string> Results = new()
    {
        [InspectionResult.NoProblem] = "未发现问题",
        [InspectionResult.Rectify] = "责令改正",
        [InspectionResult.Referral] = "移交立案",
    };

    private static readonly Dictionary<InspectionStatus, string> Statuses = new()
    {
        [InspectionStatus.Closed] = "已办结",
        [InspectionStatus.Rectifying] = "整改中",
        [InspectionStatus.RectifyOverdue] = "逾期未整改",
        [InspectionStatus.Rectified] = "已整改",
        [InspectionStatus.AwaitingReferral] = "待移交立案",
        [InspectionStatus.Referred] = "已移交立案",
    };

    public static string ToChinese(this InspectionResult result) => Results[result];

    public static string ToChinese(this InspectionStatus status) => Statuses[status];

    /// <summary>Reads 未发现问题 / 责令改正 / 移交立案, or the enum name (NoProblem, Rectify, Referral; any case).</summary>
    public static bool TryParseResult(string? text, out InspectionResult result)
    {
        var t = text?.Trim() ?? "";
        foreach (var (value, name) in Results)
        {
            if (name == t || value.ToString().Equals(t, StringComparison.OrdinalIgnoreCase))
            {
                result = value;
                return true;
            }
        }
        result = default;
        return false;
    }

    public static string AllResults => string.Join("、", Results.Values);
}
