using System.Globalization;
using Zhifa.Documents;

namespace Zhifa.Tests.Documents;

public class ChineseFormatTests
{
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.10", "壹角")]
    [InlineData("0.56", "伍角陆分")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("10.5", "壹拾元伍角")]
    [InlineData("12", "壹拾贰元整")]
    [InlineData("20.20", "贰拾元贰角")]
    [InlineData("100", "壹佰元整")]
    [InlineData("100.05", "壹佰元零伍分")]
    [InlineData("105", "壹佰零伍元整")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    [InlineData("1409.50", "壹仟肆佰零玖元伍角")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]
    [InlineData("10005", "壹万零伍元整")]
    [InlineData("12000", "壹万贰仟元整")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("100005.50", "壹拾万零伍元伍角")]
    [InlineData("107000.53", "壹拾万柒仟元伍角叁分")]
    [InlineData("110000", "壹拾壹万元整")]
    [InlineData("1000000", "壹佰万元整")]
    [InlineData("1000400", "壹佰万零肆佰元整")]
    [InlineData("1010000", "壹佰零壹万元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("100001000", "壹亿零壹仟元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("1000050000", "壹拾亿零伍万元整")]
    [InlineData("1000000000.01", "壹拾亿元零壹分")]
    [InlineData("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    public void Capitals_WhenAmountGiven_FollowsTheRulesForFinancialDocuments(string amount, string expected) =>
        ChineseFormat.Capitals(Parse(amount)).ShouldBe(expected);

    [Fact]
    public void RmbCapitals_WhenWholeYuan_StartsWithRenminbiAndEndsWithZheng() =>
        ChineseFormat.RmbCapitals(12000m).ShouldBe("人民币壹万贰仟元整");

    [Theory]
    [InlineData("-1")]
    [InlineData("0.001")]
    [InlineData("1000000000000")]
    public void Capitals_WhenAmountNegativeFractionalCentOrTooLarge_Throws(string amount) =>
        Should.Throw<ArgumentException>(() => ChineseFormat.Capitals(Parse(amount)));

    [Theory]
    [InlineData("12000", "¥12,000.00")]
    [InlineData("0.05", "¥0.05")]
    [InlineData("100005.5", "¥100,005.50")]
    [InlineData("1000000000.01", "¥1,000,000,000.01")]
    public void MoneyFigures_WhenAmountGiven_HasSeparatorsAndTwoDecimals(string amount, string expected) =>
        ChineseFormat.MoneyFigures(Parse(amount)).ShouldBe(expected);

    [Theory]
    [InlineData("12000", "12000元")]
    [InlineData("12000.00", "12000元")]
    [InlineData("100005.5", "100005.50元")]
    [InlineData("0.05", "0.05元")]
    public void Yuan_WhenAmountGiven_ShowsDecimalsOnlyWhenThereAreCents(string amount, string expected) =>
        ChineseFormat.Yuan(Parse(amount)).ShouldBe(expected);

    [Theory]
    [InlineData(2023, 5, 6, "2023年5月6日", "二〇二三年五月六日")]
    [InlineData(2000, 1, 1, "2000年1月1日", "二〇〇〇年一月一日")]
    [InlineData(2020, 10, 10, "2020年10月10日", "二〇二〇年十月十日")]
    [InlineData(2024, 11, 20, "2024年11月20日", "二〇二四年十一月二十日")]
    [InlineData(2023, 12, 31, "2023年12月31日", "二〇二三年十二月三十一日")]
    [InlineData(2019, 2, 19, "2019年2月19日", "二〇一九年二月十九日")]
    public void Date_WhenDateGiven_WritesArabicAndFormalForms(int year, int month, int day, string plain, string formal)
    {
        var date = new DateOnly(year, month, day);
        ChineseFormat.Date(date).ShouldBe(plain);
        ChineseFormat.FormalDate(date).ShouldBe(formal);
    }

    [Theory]
    [InlineData(9, 0, "2023年4月20日上午9时")]
    [InlineData(9, 30, "2023年4月20日上午9时30分")]
    [InlineData(12, 15, "2023年4月20日中午12时15分")]
    [InlineData(14, 30, "2023年4月20日下午2时30分")]
    [InlineData(19, 0, "2023年4月20日晚上7时")]
    public void DateTime_WhenTimeGiven_UsesPartOfDayAndTwelveHourClock(int hour, int minute, string expected) =>
        ChineseFormat.DateTime(new DateTime(2023, 4, 20, hour, minute, 0)).ShouldBe(expected);

    [Theory]
    [InlineData(5, "五")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(60, "六十")]
    [InlineData(99, "九十九")]
    public void Numeral_WhenCountGiven_WritesChineseNumerals(int value, string expected) =>
        ChineseFormat.Numeral(value).ShouldBe(expected);

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Numeral_WhenOutOfRange_Throws(int value) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ChineseFormat.Numeral(value));

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
