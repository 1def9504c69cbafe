namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// The Chinese name of each member of an enum of this module, both ways. Every member must be named:
/// a missing name is a bug found by the tests that walk every enum, not a silent fallback to English.
/// </summary>
internal sealed class ChineseNames<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _names;
    private readonly Dictionary<string, TEnum> _byName;

    public ChineseNames(Dictionary<TEnum, string> names)
    {
        _names = names;
        _byName = names.ToDictionary(kv => kv.Value, kv => kv.Key);
    }

    public string Of(TEnum value) => _names[value];

    public bool TryParse(string text, out TEnum value) => _byName.TryGetValue(text, out value);

    public string All => string.Join("、", _names.Values);
}
