namespace Zhifa.Domain.Catalog;

/// <summary>机关类别 of the exchange format.</summary>
public enum AgencyCategory
{
    Bureau,             // 委办局
    StreetOffice,       // 街道办事处
    Township,           // 乡镇人民政府
    ComprehensiveBureau, // 综合行政执法机构
    Other,              // 其他
}

public static class AgencyCategoryNames
{
    private static readonly Dictionary<AgencyCategory, string> Names = new()
    {
        [AgencyCategory.Bureau] = "委办局",
        [AgencyCategory.StreetOffice] = "街道办事处",
        [AgencyCategory.Township] = "乡镇人民政府",
        [AgencyCategory.ComprehensiveBureau] = "综合行政执法机构",
        [AgencyCategory.Other] = "其他",
    };

    private static readonly Dictionary<string, AgencyCategory> ByName =
        Names.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static string ToChinese(this AgencyCategory category) => Names[category];

    public static bool TryParseChinese(string text, out AgencyCategory category) =>
        ByName.TryGetValue(text, out category);

    public static string AllChinese => string.Join("、", Names.Values);
}
