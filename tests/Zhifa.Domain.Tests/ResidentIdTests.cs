using Zhifa.Domain.Identifiers;

namespace Zhifa.Domain.Tests;

public class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Create_WhenNumberIsValid_Succeeds(string input)
    {
        var result = ResidentId.Create(input);

        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value.ToString().ShouldBe(input);
    }

    [Fact]
    public void Create_WhenCheckCharIsLowercaseX_NormalisesToUppercase()
    {
        var id = ResidentId.Create(" 11010519491231002x ").Value;

        id.Value.ShouldBe("11010519491231002X");
        id.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
    }

    [Fact]
    public void Create_WhenCheckDigitIsWrong_NamesPositionExpectedAndActual()
    {
        var result = ResidentId.Create("110105194912310023");

        result.Error!.Code.ShouldBe("resident_id.check_digit");
        result.Error.Message.ShouldBe("身份证号第18位校验码应为X，实际为3");
    }

    [Fact]
    public void Create_WhenCharacterIsNotDigit_NamesPositionAndCharacter()
    {
        var result = ResidentId.Create("1101A519491231002X");

        result.Error!.Code.ShouldBe("resident_id.not_digit");
        result.Error.Message.ShouldBe("身份证号第5位'A'不是数字");
    }

    [Fact]
    public void Create_WhenTooShort_ReportsActualLength()
    {
        ResidentId.Create("11010519491231002").Error!.Message.ShouldBe("身份证号应为18位，实际为17位");
    }

    [Fact]
    public void Create_WhenBirthDateIsInvalid_ReportsTheDate()
    {
        var result = ResidentId.Create(ResidentId.Complete("12010219991345123"));

        result.Error!.Code.ShouldBe("resident_id.birth_date");
        result.Error.Message.ShouldBe("身份证号中的出生日期19991345无效");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Create_WhenEmpty_Fails(string? input)
    {
        ResidentId.Create(input).Error!.Code.ShouldBe("resident_id.empty");
    }

    [Fact]
    public void Create_WhenLastCharIsNeitherDigitNorX_NamesIt()
    {
        ResidentId.Create("11010519491231002Y").Error!.Message.ShouldBe("身份证号第18位'Y'不是数字或X");
    }

    [Fact]
    public void Complete_WhenGiven17Digits_ProducesValidNumber()
    {
        var full = ResidentId.Complete("12010219900307123");

        full.ShouldBe("120102199003071231");
        ResidentId.Create(full).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Masked_WhenValid_KeepsFirstThreeAndLastFour()
    {
        ResidentId.Create("120102199003071231").Value.Masked.ShouldBe("120***********1231");
    }

    [Fact]
    public void Equality_WhenSameNumber_IsEqual()
    {
        ResidentId.Create("11010519491231002x").Value.ShouldBe(ResidentId.Create("11010519491231002X").Value);
    }
}
