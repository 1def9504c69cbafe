using Zhifa.Domain.Common;

namespace Zhifa.Domain.Identifiers;

public enum RegionLevel
{
    Province,
    City,
    County,
}

/// <summary>
/// A six-digit administrative division code (行政区划代码, GB/T 2260), e.g. 120000 天津市,
/// 120100 天津市市辖区, 120102 天津市河东区. Only the shape and the province part are checked:
/// codes of abolished divisions still appear on old records.
/// </summary>
public sealed record RegionCode
{
    // GB/T 2260 province-level codes (incl. 71 台湾, 81 香港, 82 澳门).
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public RegionLevel Level =>
        Value.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
        : Value.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
        : RegionLevel.County;

    public string ProvinceCode => Value[..2];

    public string CityCode => Value[..4];

    /// <summary>
    /// The significant prefix ("12", "1201" or "120102"): every code this one covers starts with it,
    /// so data can be scoped with <c>LIKE prefix || '%'</c>.
    /// </summary>
    public string Prefix => Level switch
    {
        RegionLevel.Province => ProvinceCode,
        RegionLevel.City => CityCode,
        _ => Value,
    };

    /// <summary>A province covers its whole 2-digit range, a city its 4-digit range, a county only itself.</summary>
    public bool Covers(RegionCode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Value.StartsWith(Prefix, StringComparison.Ordinal);
    }

    public static Result<RegionCode> Create(string? input)
    {
        var value = input?.Trim() ?? "";
        if (value.Length == 0)
            return Error("empty", "区划代码不能为空");
        if (value.Length != 6)
            return Error("length", $"区划代码应为6位，实际为{value.Length}位");
        for (var i = 0; i < 6; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
                return Error("not_digit", $"区划代码第{i + 1}位'{value[i]}'不是数字");
        }
        if (!ProvinceCodes.Contains(value[..2]))
            return Error("province", $"区划代码前两位{value[..2]}不是有效的省级代码");
        if (value[2..4] == "00" && value[4..] != "00")
            return Error("city", $"区划代码{value}的地市级部分为00，但县级部分不为00");

        return new RegionCode(value);
    }

    public override string ToString() => Value;

    private static DomainError Error(string code, string message) => new($"region_code.{code}", message);
}
