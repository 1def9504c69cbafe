using System.Globalization;
using System.Text;

namespace Zhifa.Documents;

/// <summary>
/// Dates and amounts as Chinese enforcement documents write them. Body text uses Arabic dates
/// (2023年5月6日); the date under the agency's seal uses Chinese numerals (二〇二三年五月六日), as court
/// judgments and most enforcement document templates still do.
/// </summary>
public static class ChineseFormat
{
    private const string Digits = "〇一二三四五六七八九";
    private const string CapitalDigits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] DigitUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] SectionUnits = ["", "万", "亿"];
    private static readonly int[] Powers = [1, 10, 100, 1000];

    /// <summary>The largest amount written in capitals: 玖仟玖佰玖拾玖亿…玖分 (sections up to 亿).</summary>
    public const decimal MaxCapitalAmount = 999_999_999_999.99m;

    /// <summary>2023年5月6日: month and day without leading zeros.</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>二〇二三年五月六日: the year digit by digit, month and day as numbers (十二月, 三十一日).</summary>
    public static string FormalDate(DateOnly date)
    {
        var year = new StringBuilder();
        foreach (var c in date.Year.ToString(CultureInfo.InvariantCulture))
            year.Append(Digits[c - '0']);
        return $"{year}年{Numeral(date.Month)}月{Numeral(date.Day)}日";
    }

    /// <summary>A count from 1 to 99 in Chinese numerals, as periods are written: 五, 十五, 六十.</summary>
    public static string Numeral(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        return value switch
        {
            < 10 => Digits[value].ToString(),
            10 => "十",
            < 20 => "十" + Digits[value - 10],
            _ => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
        };
    }

    /// <summary>2023年5月20日上午9时30分 (上午 before noon, 中午 12 o'clock, 下午 until 18, then 晚上).</summary>
    public static string DateTime(DateTime value)
    {
        var (part, hour) = value.Hour switch
        {
            < 12 => ("上午", value.Hour),
            12 => ("中午", 12),
            < 18 => ("下午", value.Hour - 12),
            _ => ("晚上", value.Hour - 12),
        };
        var minutes = value.Minute == 0 ? "" : $"{value.Minute}分";
        return $"{Date(DateOnly.FromDateTime(value))}{part}{hour}时{minutes}";
    }

    /// <summary>¥12,000.00: the yuan sign, thousands separators and always two decimals.</summary>
    public static string MoneyFigures(decimal amount) =>
        "¥" + CheckAmount(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>12000元, or 100005.50元 when there are jiao or fen.</summary>
    public static string Yuan(decimal amount)
    {
        CheckAmount(amount);
        var format = amount == decimal.Truncate(amount) ? "0" : "0.00";
        return amount.ToString(format, CultureInfo.InvariantCulture) + "元";
    }

    /// <summary>人民币壹万贰仟元整: <see cref="Capitals"/> with the currency name in front.</summary>
    public static string RmbCapitals(decimal amount) => "人民币" + Capitals(amount);

    /// <summary>
    /// The amount in capitals (大写金额) by the rules for financial documents (中国人民银行《支付结算办法》附件
    /// 《正确填写票据和结算凭证的基本规定》):
    /// 整 after 元, none after 角 or 分; one 零 for any run of zeros inside the number (壹万零伍元整,
    /// 壹亿零壹元整); 零 between 元 and 分 when 角 is zero (壹佰元零伍分); 壹 always written before 拾
    /// (壹拾元整, 壹拾万元整); no 零元 before a fraction of a yuan (伍分). Where the rules allow either form,
    /// this writes the shorter one: no 零 after a 元 or 万 digit of zero before a non-zero next digit
    /// (壹仟陆佰捌拾元叁角贰分, 壹拾万柒仟元整).
    /// </summary>
    public static string Capitals(decimal amount)
    {
        CheckAmount(amount);
        if (amount > MaxCapitalAmount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amount too large for capitals.");

        var yuan = (long)decimal.Truncate(amount);
        var cents = (int)((amount - yuan) * 100);
        var jiao = cents / 10;
        var fen = cents % 10;

        var text = new StringBuilder();
        if (yuan > 0)
            text.Append(IntegerCapitals(yuan)).Append('元');
        if (jiao > 0)
            text.Append(CapitalDigits[jiao]).Append('角');
        if (fen > 0)
        {
            if (jiao == 0 && yuan > 0)
                text.Append('零');
            text.Append(CapitalDigits[fen]).Append('分');
        }

        if (text.Length == 0)
            return "零元整";
        return cents == 0 ? text.Append('整').ToString() : text.ToString();
    }

    private static string IntegerCapitals(long value)
    {
        // Split into four-digit sections (个, 万, 亿) from the most significant one.
        var sections = new List<int>();
        for (var v = value; v > 0; v /= 10_000)
            sections.Add((int)(v % 10_000));

        var text = new StringBuilder();
        var zeroPending = false;
        for (var s = sections.Count - 1; s >= 0; s--)
        {
            var section = sections[s];
            if (section == 0)
            {
                zeroPending = text.Length > 0;
                continue;
            }

            // A section below 1000 after a higher one starts with a zero digit (壹万零伍).
            if (text.Length > 0 && (zeroPending || section < 1000))
                text.Append('零');
            zeroPending = false;
            AppendSection(text, section);
            text.Append(SectionUnits[s]);
        }

        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, int section)
    {
        var zero = false;
        var started = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = section / Powers[position] % 10;
            if (digit == 0)
            {
                zero = started;
                continue;
            }

            if (zero)
                text.Append('零');
            zero = false;
            started = true;
            text.Append(CapitalDigits[digit]).Append(DigitUnits[position]);
        }
    }

    private static decimal CheckAmount(decimal amount)
    {
        if (amount < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amounts in documents are not negative.");
        if (decimal.Round(amount, 2) != amount)
            throw new ArgumentException($"Amount {amount} has more than two decimals; round it to the fen first.", nameof(amount));
        return amount;
    }
}
