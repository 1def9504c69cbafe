namespace Zhifa.Domain.Catalog;

/// <summary>职权类别 / 案件类别: the kind of an enforcement power and of the cases exercising it.</summary>
public enum PowerCategory
{
    Inspection,     // 行政检查
    Penalty,        // 行政处罚
    Coercion,       // 行政强制
    Licensing,      // 行政许可
    Levy,           // 行政征收
    Confirmation,   // 行政确认
    Payment,        // 行政给付
    Adjudication,   // 行政裁决
    Other,          // 其他
}

public static class PowerCategoryNames
{
    private static readonly Dictionary<PowerCategory, string> Names = new()
    {
        [PowerCategory.Inspection] = "行政检查",
        [PowerCategory.Penalty] = "行政处罚",
        [PowerCategory.Coercion] = "行政强制",
        [PowerCategory.Licensing] = "行政许可",
        [PowerCategory.Levy] = "行政征收",
        [PowerCategory.Confirmation] = "行政确认",
        [PowerCategory.Payment] = "行政给付",
        [PowerCategory.Adjudication] = "行政裁决",
        [PowerCategory.Other] = "其他",
    };

    private static readonly Dictionary<string, PowerCategory> ByName =
        Names.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>案件类别 allowed in cases.csv: a subset of the power categories.</summary>
    public static readonly IReadOnlySet<PowerCategory> CaseCategories = new HashSet<PowerCategory>
    {
        PowerCategory.Inspection, PowerCategory.Penalty, PowerCategory.Coercion, PowerCategory.Licensing,
        PowerCategory.Levy, PowerCategory.Confirmation, PowerCategory.Other,
    };

    public static string ToChinese(this PowerCategory category) => Names[category];

    public static bool TryParseChinese(string text, out PowerCategory category) =>
        ByName.TryGetValue(text, out category);

    public static string AllChinese => string.Join("、", Names.Values);

    public static string CaseCategoriesChinese => string.Join("、", CaseCategories.Select(c => Names[c]));
}
