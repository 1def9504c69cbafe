using System.Text.RegularExpressions;
using Zhifa.Domain.Catalog;

namespace Zhifa.Documents;

/// <summary>
/// 机关代字 of an agency's document numbers: the one an administrator set (<c>agencies.document_prefix</c>), else one
/// derived from the name as agencies commonly form it — the province's one-character abbreviation (from the region
/// code), the district's characteristic character, and the department's short name:
/// 天津市河东区市场监督管理局 → 津东市监. A derived prefix is a default to be corrected, not a rule.
/// </summary>
public static partial class DocumentPrefixes
{
    private static readonly Dictionary<string, string> Provinces = new()
    {
        ["11"] = "京", ["12"] = "津", ["13"] = "冀", ["14"] = "晋", ["15"] = "蒙", ["21"] = "辽", ["22"] = "吉", ["23"] = "黑",
        ["31"] = "沪", ["32"] = "苏", ["33"] = "浙", ["34"] = "皖", ["35"] = "闽", ["36"] = "赣", ["37"] = "鲁", ["41"] = "豫",
        ["42"] = "鄂", ["43"] = "湘", ["44"] = "粤", ["45"] = "桂", ["46"] = "琼", ["50"] = "渝", ["51"] = "川", ["52"] = "黔",
        ["53"] = "滇", ["54"] = "藏", ["61"] = "陕", ["62"] = "甘", ["63"] = "青", ["64"] = "宁", ["65"] = "新",
    };

    // Longest first: 综合行政执法局 before 行政执法局.
    private static readonly (string Name, string Short)[] Departments =
    [
        ("市场监督管理局", "市监"), ("城市管理综合行政执法局", "城管"), ("城市管理委员会", "城管"), ("城市管理局", "城管"),
        ("综合行政执法局", "综执"), ("生态环境局", "环"), ("应急管理局", "应急"), ("卫生健康委员会", "卫健"), ("交通运输局", "交"),
        ("文化和旅游局", "文旅"), ("规划和自然资源局", "规资"), ("自然资源局", "自然资源"), ("住房和城乡建设委员会", "建"),
        ("住房和城乡建设局", "建"), ("人力资源和社会保障局", "人社"), ("农业农村委员会", "农"), ("农业农村局", "农"), ("水务局", "水"),
        ("教育局", "教"), ("民政局", "民"), ("商务局", "商"), ("税务局", "税"), ("公安局", "公"), ("司法局", "司"), ("财政局", "财"),
        ("统计局", "统"), ("体育局", "体"), ("街道办事处", "街"),
    ];

    public static string For(Agency agency) => agency.DocumentPrefix ?? Derive(agency.Name, agency.RegionCode);

    public static string Derive(string agencyName, string regionCode)
    {
        var name = agencyName.Trim();
        var province = regionCode.Length >= 2 && Provinces.TryGetValue(regionCode[..2], out var p) ? p : "";
        var rest = ProvinceName().Replace(name, "", 1);
        // The district: 河东区 gives 东 (as 河西区 gives 西); a county or county-level city its first character.
        var district = "";
        if (DistrictName().Match(rest) is { Success: true } m)
        {
            var d = m.Groups["d"].Value;
            district = m.Groups["kind"].Value == "区" ? d[^1..] : d[..1];
            rest = rest[m.Length..];
        }
        var department = Departments.FirstOrDefault(x => rest.EndsWith(x.Name, StringComparison.Ordinal));
        var shortName = department.Short ?? new string(rest.Where(char.IsLetter).Take(2).ToArray());
        var prefix = province + district + shortName;
        return prefix.Length > 0 ? prefix : new string(name.Where(char.IsLetter).Take(4).ToArray());
    }

    [GeneratedRegex("^(?:北京市|天津市|上海市|重庆市|[^省]{2,3}省|[^区]{2,6}自治区)")]
    private static partial Regex ProvinceName();

    [GeneratedRegex("^(?<d>[^区县市]{1,5})(?<kind>区|县|市)(?!场)")]
    private static partial Regex DistrictName();
}
