using Zhifa.Domain.Identifiers;

namespace Zhifa.Domain.Tests;

public class RegionCodeTests
{
    private static RegionCode Code(string value) => RegionCode.Create(value).Value;

    [Theory]
    [InlineData("120000", RegionLevel.Province, "12")]
    [InlineData("120100", RegionLevel.City, "1201")]
    [InlineData("120102", RegionLevel.County, "120102")]
    public void Create_WhenValid_DerivesLevelAndPrefix(string value, RegionLevel level, string prefix)
    {
        var code = Code(value);

        code.Level.ShouldBe(level);
        code.Prefix.ShouldBe(prefix);
        code.ProvinceCode.ShouldBe("12");
        code.CityCode.ShouldBe(value[..4]);
    }

    [Fact]
    public void Covers_WhenProvince_CoversAllCodesOfTheProvince()
    {
        var tianjin = Code("120000");

        tianjin.Covers(Code("120102")).ShouldBeTrue();
        tianjin.Covers(Code("120100")).ShouldBeTrue();
        tianjin.Covers(tianjin).ShouldBeTrue();
        tianjin.Covers(Code("110101")).ShouldBeFalse();
    }

    [Fact]
    public void Covers_WhenCity_CoversOnlyItsCounties()
    {
        var city = Code("120100");

        city.Covers(Code("120102")).ShouldBeTrue();
        city.Covers(Code("120225")).ShouldBeFalse();
        city.Covers(Code("120000")).ShouldBeFalse();
    }

    [Fact]
    public void Covers_WhenCounty_CoversOnlyItself()
    {
        var hedong = Code("120102");

        hedong.Covers(Code("120102")).ShouldBeTrue();
        hedong.Covers(Code("120103")).ShouldBeFalse();
        hedong.Covers(Code("120100")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("12010", "region_code.length", "区划代码应为6位，实际为5位")]
    [InlineData("1201a2", "region_code.not_digit", "区划代码第5位'a'不是数字")]
    [InlineData("990102", "region_code.province", "区划代码前两位99不是有效的省级代码")]
    [InlineData("", "region_code.empty", "区划代码不能为空")]
    public void Create_WhenInvalid_FailsWithChineseMessage(string input, string code, string message)
    {
        var error = RegionCode.Create(input).Error!;

        error.Code.ShouldBe(code);
        error.Message.ShouldBe(message);
    }
}
