using System.Globalization;

namespace Zhifa.Data.Import;

/// <summary>Parsing of exchange-format cells: ISO dates and yuan amounts with at most two decimals.</summary>
public static class FieldParsers
{
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string DateRule(string text) => $"日期\"{text}\"无效,应为 YYYY-MM-DD 格式的有效日期";

    /// <summary>Yuan with at most two decimals, not negative; never parsed through a float.</summary>
    public static bool TryMoney(string text, out decimal amount)
    {
        amount = 0;
        var dot = text.IndexOf('.');
        if (dot == 0 || dot == text.Length - 1 || (dot > 0 && text.Length - dot - 1 > 2) || text.Length > 18)
            return false;
        foreach (var ch in text)
            if (ch != '.' && !char.IsAsciiDigit(ch))
                return false;
        if (text.Count(c => c == '.') > 1)
            return false;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    public static string MoneyRule(string text) => $"金额\"{text}\"无效,应为以元为单位、最多两位小数的非负数,如 1234.50";
}
