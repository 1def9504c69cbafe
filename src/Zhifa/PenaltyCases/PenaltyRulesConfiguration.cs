using System.Globalization;
using System.Reflection;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.PenaltyCases;

/// <summary>
/// The penalty rules in force: configuration section <c>Zhifa:PenaltyRules</c> (appsettings, or environment variables
/// such as <c>Zhifa__PenaltyRules__LargeAmountNaturalPerson=10000</c>) over <see cref="PenaltyRules.Default"/>, checked
/// by <see cref="PenaltyRules.Validate"/>. A wrong value stops the platform at start with a Chinese message naming it,
/// rather than letting a province's threshold silently fall back to the statute's.
/// </summary>
public static class PenaltyRulesConfiguration
{
    public const string Section = "Zhifa:PenaltyRules";

    public static PenaltyRules Load(IConfiguration configuration)
    {
        var rules = PenaltyRules.Default with { };
        var errors = new List<string>();
        var properties = typeof(PenaltyRules).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod is not null).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (!properties.TryGetValue(entry.Key, out var property))
            {
                errors.Add($"未知的处罚规则配置项 {Section}:{entry.Key}");
                continue;
            }
            var value = Parse(property.PropertyType, entry);
            if (value is null)
                errors.Add($"处罚规则配置项 {Section}:{entry.Key} 的值\"{entry.Value}\"无效");
            else
                property.SetValue(rules, value);
        }
        errors.AddRange(rules.Validate().Select(e => e.Message));
        if (errors.Count > 0)
            throw new InvalidOperationException("处罚规则配置有误:" + string.Join(";", errors));
        return rules;
    }

    private static object? Parse(Type type, IConfigurationSection entry)
    {
        if (type == typeof(int))
            return int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        if (type == typeof(decimal))
            return decimal.TryParse(entry.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        if (type == typeof(IReadOnlySet<PenaltyKind>))
        {
            // A list (HearingRightKinds:0, :1 …) or one comma-separated value, of names such as LicenceRevocation or 吊销许可证件.
            var texts = entry.Value is { } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : entry.GetChildren().Select(c => c.Value ?? "").ToArray();
            var kinds = new HashSet<PenaltyKind>();
            foreach (var text in texts)
            {
                if (Enum.TryParse<PenaltyKind>(text, ignoreCase: false, out var k) && Enum.IsDefined(k))
                    kinds.Add(k);
                else if (PenaltyKindNames.TryParseChinese(text, out k))
                    kinds.Add(k);
                else
                    return null;
            }
            return kinds;
        }
        return null;
    }
}
