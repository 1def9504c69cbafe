using Zhifa.Domain.Records;

namespace Zhifa.Domain.Tests.Records;

public class ChainVerifierTests
{
    private const long Chain = 12;

    private static List<RecordEntry> NewChain(int count)
    {
        var entries = new List<RecordEntry>();
        var head = RecordHead.Genesis(Chain);
        for (var i = 1; i <= count; i++)
        {
            var e = RecordEntry.Create(head, "evidence.added", new DateTimeOffset(2024, 1, i, 9, 0, 0, TimeSpan.Zero), "张伟", $"{{\"n\":{i}}}").Value;
            entries.Add(e);
            head = RecordHead.After(e);
        }
        return entries;
    }

    private static RecordBreak? Verify(IEnumerable<RecordEntry> stored, RecordHead? head)
    {
        var v = new ChainVerifier(Chain);
        foreach (var e in stored)
            v.Check(e);
        v.Finish(head);
        return v.Break;
    }

    private static RecordEntry With(RecordEntry e, long? sequence = null, string? content = null, string? hash = null, string? previous = null) =>
        RecordEntry.Stored(e.ChainKey, sequence ?? e.Sequence, e.Kind, e.OccurredAt, e.Actor, content ?? e.Content, previous ?? e.PreviousHash, hash ?? e.Hash);

    [Fact]
    public void Verify_WhenChainIsUntouched_FindsNothing()
    {
        var chain = NewChain(4);

        var v = new ChainVerifier(Chain);
        chain.ForEach(e => v.Check(e).ShouldBeNull());

        v.Finish(RecordHead.After(chain[^1])).ShouldBeNull();
        v.Verified.ShouldBe(4);
        v.IsIntact.ShouldBeTrue();
    }

    [Fact]
    public void Verify_WhenContentWasEdited_NamesThatEntry()
    {
        var chain = NewChain(4);
        chain[2] = With(chain[2], content: "{\"n\":30}");

        var found = Verify(chain, RecordHead.After(chain[^1]))!;

        found.ShouldBe(found with { ChainKey = Chain, Sequence = 3, Code = "record.content_changed" });
        found.Message.ShouldContain("被修改");
    }

    [Fact]
    public void Verify_WhenEditedEntryWasRehashed_BreaksAtTheNextLink()
    {
        var chain = NewChain(4);
        var forged = With(chain[1], content: "{\"n\":20}");
        chain[1] = With(forged, hash: RecordChain.ComputeHash(forged));

        Verify(chain, RecordHead.After(chain[^1]))!.ShouldSatisfyAllConditions(
            b => b.Sequence.ShouldBe(3),
            b => b.Code.ShouldBe("record.link_broken"));
    }

    [Fact]
    public void Verify_WhenTwoSequenceNumbersWereSwapped_NamesTheFirstOfThem()
    {
        var chain = NewChain(4);
        var (second, third) = (chain[1], chain[2]);
        chain[1] = With(third, sequence: 2);
        chain[2] = With(second, sequence: 3);

        Verify(chain, RecordHead.After(chain[^1]))!.ShouldSatisfyAllConditions(
            b => b.Sequence.ShouldBe(2),
            b => b.Code.ShouldBe("record.link_broken"),
            b => b.Message.ShouldContain("调换了顺序"));
    }

    [Fact]
    public void Verify_WhenAMiddleEntryWasDeleted_NamesTheMissingSequence()
    {
        var chain = NewChain(4);
        var head = RecordHead.After(chain[^1]);
        chain.RemoveAt(1);

        Verify(chain, head)!.ShouldSatisfyAllConditions(
            b => b.Sequence.ShouldBe(2),
            b => b.Code.ShouldBe("record.entry_missing"),
            b => b.Message.ShouldBe("第 2 条记录缺失(下一条是第 3 条):记录被删除"));
    }

    [Fact]
    public void Verify_WhenTheLastEntryWasDeleted_TheHeadNamesIt()
    {
        var chain = NewChain(4);
        var head = RecordHead.After(chain[^1]);
        chain.RemoveAt(3);

        Verify(chain, head)!.ShouldSatisfyAllConditions(
            b => b.Sequence.ShouldBe(4),
            b => b.Code.ShouldBe("record.tail_missing"),
            b => b.Message.ShouldBe("第 4 条记录缺失:链的最后一条记录被删除"));
    }

    [Fact]
    public void Verify_WhenEveryEntryWasDeleted_TheHeadNamesTheFirst()
    {
        var head = RecordHead.After(NewChain(3)[^1]);

        Verify([], head)!.ShouldSatisfyAllConditions(
            b => b.Sequence.ShouldBe(1),
            b => b.Code.ShouldBe("record.tail_missing"));
    }

    [Fact]
    public void Verify_WhenTheLastEntryWasReplacedByAValidOne_TheHeadHashDiffers()
    {
        var chain = NewChain(3);
        var head = RecordHead.After(chain[^1]);
        var replacement = RecordEntry.Create(RecordHead.After(chain[1]), "evidence.added", chain[2].OccurredAt, "张伟", "{\"n\":99}").Value;
        chain[2] = replacement;

        Verify(chain, head)!.Code.ShouldBe("record.head_mismatch");
    }

    [Fact]
    public void Verify_WhenAnEntryWasAppendedAroundThePlatform_IsUnregistered()
    {
        var chain = NewChain(3);
        var head = RecordHead.After(chain[1]);

        Verify(chain, head)!.ShouldSatisfyAllConditions(b => b.Sequence.ShouldBe(3), b => b.Code.ShouldBe("record.unregistered_entry"));
    }

    [Fact]
    public void Verify_WhenTheHeadRowIsMissing_IsABreak()
    {
        Verify(NewChain(2), null)!.Code.ShouldBe("record.head_missing");
    }

    [Fact]
    public void Verify_AfterTheFirstBreak_ReportsNothingMore()
    {
        var chain = NewChain(4);
        chain[1] = With(chain[1], content: "{}");
        chain[3] = With(chain[3], content: "{}");
        var v = new ChainVerifier(Chain);

        var breaks = chain.Select(v.Check).Where(b => b is not null).ToList();

        breaks.Count.ShouldBe(1);
        v.Finish(null).ShouldBeNull();
        v.Break!.Sequence.ShouldBe(2);
        v.Verified.ShouldBe(1);
    }
}
