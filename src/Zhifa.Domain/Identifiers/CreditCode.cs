using Zhifa.Domain.Common;

namespace Zhifa.Domain.Identifiers;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet without I, O, Z, S and V; the last one is a check character.
/// </summary>
public sealed record CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    /// <summary>The normalised (upper-case) code.</summary>
    public string Value { get; }

    public static Result<CreditCode> Create(string? input)
    {
        var value = input?.Trim().ToUpperInvariant() ?? "";
        if (value.Length == 0)
            return Error("empty", "统一社会信用代码不能为空");
        if (value.Length != 18)
            return Error("length", $"统一社会信用代码应为18位，实际为{value.Length}位");

        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(value[i]) < 0)
                return Error("invalid_char", $"统一社会信用代码第{i + 1}位'{value[i]}'不是有效字符");
        }

        var expected = CheckChar(value.AsSpan(0, 17));
        if (value[17] != expected)
            return Error("check_char", $"统一社会信用代码第18位校验码应为{expected}，实际为{value[17]}");

        return new CreditCode(value);
    }

    /// <summary>Appends the check character to the first 17 characters (used by the demo data generator).</summary>
    public static string Complete(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || first17.Any(c => Alphabet.IndexOf(c) < 0))
            throw new ArgumentException("Expected exactly 17 characters from the GB 32100 alphabet.", nameof(first17));
        return first17 + CheckChar(first17);
    }

    public override string ToString() => Value;

    private static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static DomainError Error(string code, string message) => new($"credit_code.{code}", message);
}
