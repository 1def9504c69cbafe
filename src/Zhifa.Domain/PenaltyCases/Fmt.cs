using System.Globalization;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>How amounts, rates and dates appear in the module's Chinese messages, whatever the server culture.</summary>
internal static class Fmt
{
    public static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture) + "元";

    public static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
