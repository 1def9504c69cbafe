using Zhifa.Domain.Records;

namespace Zhifa.Domain.Tests.Records;

public class CanonicalJsonTests
{
    [Theory]
    [InlineData("{ \"b\" : 1, \"a\" : [ 1 , 2 ] }", "{\"a\":[1,2],\"b\":1}")]
    [InlineData("{\"z\":{\"y\":true,\"x\":null},\"a\":false}", "{\"a\":false,\"z\":{\"x\":null,\"y\":true}}")]
    [InlineData("{\"B\":1,\"a\":2,\"_\":3}", "{\"B\":1,\"_\":3,\"a\":2}")]
    [InlineData("[]", "[]")]
    public void Canonicalize_SortsMembersOrdinallyAndDropsWhitespace(string input, string expected)
    {
        CanonicalJson.Canonicalize(input).Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0.000123", "0.000123")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("-2.5E-2", "-0.025")]
    public void Canonicalize_WritesNumbersWithoutExponentOrTrailingZeros(string number, string expected)
    {
        CanonicalJson.Canonicalize($"{{\"n\":{number}}}").Value.ShouldBe($"{{\"n\":{expected}}}");
    }

    [Fact]
    public void Canonicalize_EscapesOnlyQuoteBackslashAndControlCharacters()
    {
        var result = CanonicalJson.Canonicalize("{\"s\":\"引号\\\"斜杠\\\\换行\\n制表\\t\\u0001\\u00e9\\/<>\"}");

        result.Value.ShouldBe("{\"s\":\"引号\\\"斜杠\\\\换行\\n制表\\t\\u0001é/<>\"}");
    }

    [Fact]
    public void Canonicalize_WhenNameRepeats_IsRefused()
    {
        CanonicalJson.Canonicalize("{\"a\":1,\"a\":2}").Error!.Code.ShouldBe("record.content_invalid");
    }

    [Theory]
    [InlineData("{\"s\":\"\\ud800\"}")]
    [InlineData("{\"n\":1e400}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("not json")]
    public void Canonicalize_WhenNotRepresentable_IsRefusedInChinese(string input)
    {
        var result = CanonicalJson.Canonicalize(input);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldStartWith("记录内容");
    }

    [Fact]
    public void Canonicalize_OfCanonicalText_IsTheSameText()
    {
        var once = CanonicalJson.Canonicalize("{\"案件\":\"津河市监罚〔2024〕1号\",\"金额\":200.00,\"列表\":[{\"b\":1,\"a\":2}]}").Value;

        CanonicalJson.Canonicalize(once).Value.ShouldBe(once);
    }
}
