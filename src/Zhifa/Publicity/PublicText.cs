using System.Globalization;

namespace Zhifa.Publicity;

/// <summary>How the portal writes dates and amounts (product.md: 2023年10月13日, amounts in yuan with 元).</summary>
public static class PublicText
{
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—";

    public static string Money(decimal? yuan) => yuan is { } y ? y.ToString("#,##0.##", CultureInfo.InvariantCulture) + " 元" : "—";
}
