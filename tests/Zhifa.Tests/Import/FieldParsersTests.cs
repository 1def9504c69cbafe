using Zhifa.Data.Import;

namespace Zhifa.Tests.Import;

public sealed class FieldParsersTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-12-31", true)]
    [InlineData("2023-13-01", false)]
    [InlineData("2023-00-10", false)]
    [InlineData("2023-04-31", false)]
    [InlineData("2023-1-01", false)]
    [InlineData("2023/01/01", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("２０２３-01-01", false)]
    [InlineData("2023-01-01 ", false)]
    public void TryDate_WhenGivenText_AcceptsOnlyRealIsoDates(string text, bool valid)
    {
        FieldParsers.TryDate(text, out var date).ShouldBe(valid);
        if (valid)
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(text);
    }

    [Theory]
    [InlineData("0", true, "0")]
    [InlineData("1234.50", true, "1234.50")]
    [InlineData("200.00", true, "200.00")]
    [InlineData("12.345", false, null)]
    [InlineData("-5", false, null)]
    [InlineData("1,000", false, null)]
    [InlineData(".5", false, null)]
    [InlineData("5.", false, null)]
    [InlineData("1e3", false, null)]
    public void TryMoney_WhenGivenText_AcceptsYuanWithAtMostTwoDecimals(string text, bool valid, string? value)
    {
        FieldParsers.TryMoney(text, out var amount).ShouldBe(valid);
        if (valid)
            amount.ShouldBe(decimal.Parse(value!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
