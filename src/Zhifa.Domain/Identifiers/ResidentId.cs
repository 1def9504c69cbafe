using System.Globalization;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Identifiers;

/// <summary>
/// An 18-character resident identity number (公民身份号码, GB 11643-1999): a 6-digit region code,
/// an 8-digit birth date, a 3-digit sequence and a check character. Old region codes stay valid,
/// so the region part is not checked against the current division list.
/// </summary>
public sealed record ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    private ResidentId(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised number (a trailing lowercase x is stored as X).</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>
    /// The number as published (个人信息保护法: only as much as needed). We keep the first 3 and the last 4
    /// characters, e.g. 120***********1234: the prefix hides the county and the birth date, and the last 4
    /// are what people use to recognise their own number.
    /// </summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), new string('*', 11), Value.AsSpan(14, 4));

    public static Result<ResidentId> Create(string? input)
    {
        var value = input?.Trim().ToUpperInvariant() ?? "";
        if (value.Length == 0)
            return Error("empty", "身份证号不能为空");
        if (value.Length != 18)
            return Error("length", $"身份证号应为18位，实际为{value.Length}位");

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
                return Error("not_digit", $"身份证号第{i + 1}位'{value[i]}'不是数字");
        }
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
            return Error("check_char_invalid", $"身份证号第18位'{value[17]}'不是数字或X");

        var birth = value.Substring(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
            return Error("birth_date", $"身份证号中的出生日期{birth}无效");

        var expected = CheckChar(value.AsSpan(0, 17));
        if (value[17] != expected)
            return Error("check_digit", $"身份证号第18位校验码应为{expected}，实际为{value[17]}");

        return new ResidentId(value, birthDate);
    }

    /// <summary>Appends the check character to 17 digits (used by the demo data generator).</summary>
    public static string Complete(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        return first17 + CheckChar(first17);
    }

    public override string ToString() => Value;

    private static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    private static DomainError Error(string code, string message) => new($"resident_id.{code}", message);
}
