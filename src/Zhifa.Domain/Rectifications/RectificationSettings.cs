namespace Zhifa.Domain.Rectifications;

/// <summary>Configuration of 整改通知书 (section <c>Zhifa:Rectifications</c>), with defaults (ADR-020).</summary>
public sealed record RectificationSettings
{
    public const string Section = "Zhifa:Rectifications";

    /// <summary>The deadline when the notice names none: this many working days after the day it is issued.</summary>
    public int DefaultDeadlineWorkingDays { get; init; } = 15;

    /// <summary>The number's prefix before the year, e.g. 执法监督整改〔2026〕3号.</summary>
    public string NumberPrefix { get; init; } = "执法监督整改";

    /// <summary>The issuing office named under the notice.</summary>
    public string OfficeName { get; init; } = "行政执法监督机构";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DefaultDeadlineWorkingDays is < 1 or > 250)
            problems.Add("Zhifa:Rectifications:DefaultDeadlineWorkingDays 应在1到250之间");
        if (string.IsNullOrWhiteSpace(NumberPrefix) || !NumberPrefix.All(char.IsLetter))
            problems.Add($"Zhifa:Rectifications:NumberPrefix \"{NumberPrefix}\" 应为汉字或字母");
        if (string.IsNullOrWhiteSpace(OfficeName))
            problems.Add("Zhifa:Rectifications:OfficeName 不能为空");
        return problems;
    }

    /// <summary>The notice number: prefix, the year in 〔〕 and the sequence without leading zeros, as DocumentNumber writes them.</summary>
    public string Number(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{NumberPrefix}〔{year}〕{sequence}号");
}
