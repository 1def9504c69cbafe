using Zhifa.Data.Import;

namespace Zhifa.Tests.Import;

public sealed class Rfc4180ReaderTests
{
    private static List<(long Line, string[] Fields, string? Malformed)> ReadAll(string text)
    {
        var reader = new Rfc4180Reader(new StringReader(text));
        var rows = new List<(long, string[], string?)>();
        while (reader.Read())
            rows.Add((reader.StartLine, reader.Fields.ToArray(), reader.Malformed));
        return rows;
    }

    [Fact]
    public void Read_WhenFieldsAreQuoted_KeepsCommasQuotesAndNewlinesAndCountsPhysicalLines()
    {
        var rows = ReadAll("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,\n");
        rows.Count.ShouldBe(4);
        rows[1].Fields.ShouldBe(["x,1", "say \"hi\""]);
        rows[2].Line.ShouldBe(3);
        rows[2].Fields.ShouldBe(["two\nlines", "z"]);
        rows[3].Line.ShouldBe(5);
        rows[3].Fields.ShouldBe(["last", ""]);
        rows.ShouldAllBe(r => r.Malformed == null);
    }

    [Fact]
    public void Read_WhenAFieldIsLongerThanTheBuffer_ReadsItWhole()
    {
        var longText = new string('长', 200_000);
        var rows = ReadAll($"h1,h2\n{longText},end\n");
        rows[1].Fields.ShouldBe([longText, "end"]);
    }

    [Theory]
    [InlineData("a\"b,c\n", "未加引号的字段中出现引号")]
    [InlineData("\"ab\"x,c\n", "引号后出现多余字符")]
    [InlineData("\"ab,c\n", "引号未闭合")]
    public void Read_WhenQuotesAreMisplaced_MarksTheRecordMalformed(string text, string reason)
    {
        ReadAll(text)[0].Malformed.ShouldBe(reason);
    }

    [Fact]
    public void Read_WhenLastLineHasNoNewline_StillReadsIt()
    {
        ReadAll("a,b\n1,2")[1].Fields.ShouldBe(["1", "2"]);
    }
}
