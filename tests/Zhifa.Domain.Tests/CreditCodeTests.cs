using Zhifa.Domain.Identifiers;

namespace Zhifa.Domain.Tests;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    public void Create_WhenCodeIsValid_Succeeds(string input)
    {
        var result = CreditCode.Create(input);

        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value.Value.ShouldBe(input);
    }

    [Fact]
    public void Create_WhenLowercase_NormalisesToUppercase()
    {
        CreditCode.Create("91350100m000100y43").Value.ToString().ShouldBe("91350100M000100Y43");
    }

    [Fact]
    public void Create_WhenCheckCharIsWrong_NamesExpectedAndActual()
    {
        var result = CreditCode.Create("91350100M000100Y4Y");

        result.Error!.Code.ShouldBe("credit_code.check_char");
        result.Error.Message.ShouldBe("统一社会信用代码第18位校验码应为3，实际为Y");
    }

    [Fact]
    public void Create_WhenCheckCharIsWrongInPlausibleCode_ReportsComputedChar()
    {
        CreditCode.Create("91110000100000589B").Error!.Message.ShouldBe("统一社会信用代码第18位校验码应为A，实际为B");
    }

    [Theory]
    [InlineData("9135I100M000100Y43", 5, 'I')]
    [InlineData("O1350100M000100Y43", 1, 'O')]
    [InlineData("91350100M000100S43", 16, 'S')]
    public void Create_WhenCharacterIsOutsideAlphabet_NamesPositionAndCharacter(string input, int position, char c)
    {
        var result = CreditCode.Create(input);

        result.Error!.Code.ShouldBe("credit_code.invalid_char");
        result.Error.Message.ShouldBe($"统一社会信用代码第{position}位'{c}'不是有效字符");
    }

    [Fact]
    public void Create_WhenWrongLength_ReportsActualLength()
    {
        CreditCode.Create("91350100M000100Y4").Error!.Message.ShouldBe("统一社会信用代码应为18位，实际为17位");
    }

    [Fact]
    public void Complete_WhenGiven17Chars_ProducesValidCode()
    {
        var full = CreditCode.Complete("91120102MA0000001");

        full.Length.ShouldBe(18);
        CreditCode.Create(full).IsSuccess.ShouldBeTrue();
        CreditCode.Complete("91350100M000100Y4").ShouldBe("91350100M000100Y43");
    }

    [Fact]
    public void Complete_WhenInputHasInvalidChar_Throws()
    {
        Should.Throw<ArgumentException>(() => CreditCode.Complete("9135I100M000100Y4"));
    }
}
