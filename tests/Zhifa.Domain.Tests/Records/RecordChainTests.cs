using Zhifa.Domain.Records;

namespace Zhifa.Domain.Tests.Records;

public class RecordChainTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 5, 16, 9, 10, 123, TimeSpan.FromHours(8));

    [Fact]
    public void Create_FirstEntry_HasTheHashOfTheDocumentedCanonicalForm()
    {
        // Expected values computed outside .NET (Python hashlib) from the definition in RecordChain and ADR-006.
        var entry = RecordEntry.Create(RecordHead.Genesis(42), "penalty.filed", At, "张伟", "{ \"b\": \"x\\ny\", \"a\": [1, true, null] }").Value;

        RecordChain.CanonicalForm(entry).ShouldBe(
            "{\"actor\":\"张伟\",\"chain\":42,\"content\":{\"a\":[1,true,null],\"b\":\"x\\ny\"},\"kind\":\"penalty.filed\",\"occurredAt\":\"2024-03-05T08:09:10.123Z\",\"sequence\":1}");
        entry.PreviousHash.ShouldBe(RecordChain.GenesisHash);
        entry.Hash.ShouldBe("2a33fbe8978210b825944ca7e97ea09c998d32ae550783b523f037da52ddaf0a");
    }

    [Fact]
    public void Create_AfterAHead_TakesTheNextSequenceAndLinksToItsHash()
    {
        var first = RecordEntry.Create(RecordHead.Genesis(42), "penalty.filed", At, "张伟", "{\"b\":\"x\\ny\",\"a\":[1,true,null]}").Value;

        var second = RecordEntry.Create(RecordHead.After(first), "evidence.added", new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), "李娜", "{}").Value;

        second.Sequence.ShouldBe(2);
        second.PreviousHash.ShouldBe(first.Hash);
        second.Hash.ShouldBe("55d223467f3c2c43eb86b5114fb5dad0a9863db3eca29a2e840ddfefc507a545");
    }

    [Fact]
    public void Create_KeepsTimeInUtcToTheMillisecond()
    {
        var entry = RecordEntry.Create(RecordHead.Genesis(1), "evidence.added", At.AddTicks(9999), "张伟", "{}").Value;

        entry.OccurredAt.ShouldBe(new DateTimeOffset(2024, 3, 5, 8, 9, 10, 123, TimeSpan.Zero));
        entry.OccurredAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("", "record.kind_invalid")]
    [InlineData("Penalty Filed", "record.kind_invalid")]
    [InlineData("penalty..filed", "record.kind_invalid")]
    public void Create_WhenKindIsNotACode_IsRefused(string kind, string code)
    {
        RecordEntry.Create(RecordHead.Genesis(1), kind, At, "张伟", "{}").Error!.Code.ShouldBe(code);
    }

    [Fact]
    public void Create_WithoutActor_IsRefused()
    {
        RecordEntry.Create(RecordHead.Genesis(1), "import", At, " ", "{}").Error!.Code.ShouldBe("record.actor_invalid");
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    public void Create_WhenContentIsNotAnObject_IsRefused(string content)
    {
        RecordEntry.Create(RecordHead.Genesis(1), "import", At, "张伟", content).Error!.Code.ShouldBe("record.content_invalid");
    }

    [Fact]
    public void ComputeHash_WhenAnyFieldDiffers_Differs()
    {
        var e = RecordEntry.Create(RecordHead.Genesis(7), "evidence.added", At, "张伟", "{\"a\":1}").Value;
        var variants = new[]
        {
            RecordEntry.Stored(8, e.Sequence, e.Kind, e.OccurredAt, e.Actor, e.Content, e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, 2, e.Kind, e.OccurredAt, e.Actor, e.Content, e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, e.Sequence, "evidence.removed", e.OccurredAt, e.Actor, e.Content, e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, e.Sequence, e.Kind, e.OccurredAt.AddMilliseconds(1), e.Actor, e.Content, e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, e.Sequence, e.Kind, e.OccurredAt, "李娜", e.Content, e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, e.Sequence, e.Kind, e.OccurredAt, e.Actor, "{\"a\":2}", e.PreviousHash, e.Hash),
            RecordEntry.Stored(e.ChainKey, e.Sequence, e.Kind, e.OccurredAt, e.Actor, e.Content, new string('1', 64), e.Hash),
        };

        RecordChain.ComputeHash(e).ShouldBe(e.Hash);
        variants.Select(RecordChain.ComputeHash).ShouldAllBe(h => h != e.Hash);
    }

    [Fact]
    public void EvidenceRecordContent_DescribesTheFileItWasMadeFor()
    {
        var content = EvidenceFile.RecordContent("现场照片.jpg", "image/jpeg", 1234, new string('a', 64), EvidenceKind.Photo, "门店外景");

        EvidenceFile.IsDescribedBy(content, "现场照片.jpg", 1234, new string('a', 64)).ShouldBeTrue();
        EvidenceFile.IsDescribedBy(content, "现场照片.jpg", 1235, new string('a', 64)).ShouldBeFalse();
        EvidenceFile.IsDescribedBy(content, "现场照片.jpg", 1234, new string('b', 64)).ShouldBeFalse();
        content.ShouldContain("\"kind\":\"photo\"");
    }
}
