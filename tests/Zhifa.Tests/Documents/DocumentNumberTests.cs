using Zhifa.Documents;

namespace Zhifa.Tests.Documents;

public class DocumentNumberTests
{
    [Fact]
    public void ToString_WhenPenaltyDecision_WritesPrefixKindYearInHexagonalBracketsAndSequence() =>
        DocumentNumber.Create("津东市监", DocumentKind.PenaltyDecision, 2023, 12).Value.ToString().ShouldBe("津东市监罚〔2023〕12号");

    [Theory]
    [InlineData(DocumentKind.FilingApproval, "津东市监立〔2023〕1号")]
    [InlineData(DocumentKind.PenaltyNotice, "津东市监告〔2023〕1号")]
    [InlineData(DocumentKind.HearingNotice, "津东市监听告〔2023〕1号")]
    [InlineData(DocumentKind.PenaltyDecision, "津东市监罚〔2023〕1号")]
    [InlineData(DocumentKind.ServiceReceipt, "津东市监送〔2023〕1号")]
    public void Parse_WhenFormatted_RoundTrips(DocumentKind kind, string text)
    {
        var number = DocumentNumber.Create("津东市监", kind, 2023, 1).Value;
        number.ToString().ShouldBe(text);

        var parsed = DocumentNumber.Parse(text);
        parsed.IsSuccess.ShouldBeTrue();
        parsed.Value.ShouldBe(number);
        parsed.Value.Prefix.ShouldBe("津东市监");
        parsed.Value.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Parse_WhenHearingNotice_PrefersTheLongerKindCode()
    {
        var number = DocumentNumber.Parse("津东市监听告〔2024〕305号").Value;
        number.Kind.ShouldBe(DocumentKind.HearingNotice);
        number.Prefix.ShouldBe("津东市监");
        number.Year.ShouldBe(2024);
        number.Sequence.ShouldBe(305);
    }

    [Theory]
    [InlineData("津东市监罚[2023]12号")]
    [InlineData("津东市监罚［2023］12号")]
    [InlineData(" 津东市监罚〔2023〕12号 ")]
    public void Parse_WhenYearInSquareBracketsOrSpaces_NormalisesToHexagonalBrackets(string text) =>
        DocumentNumber.Parse(text).Value.ToString().ShouldBe("津东市监罚〔2023〕12号");

    [Theory]
    [InlineData("", "document_number.format")]
    [InlineData("津东市监罚〔2023〕012号", "document_number.format")]
    [InlineData("津东市监罚〔23〕12号", "document_number.format")]
    [InlineData("津东市监罚〔2023〕12", "document_number.format")]
    [InlineData("津东市监罚〔2023〕0号", "document_number.format")]
    [InlineData("津东市监批〔2023〕1号", "document_number.kind")]
    [InlineData("罚〔2023〕12号", "document_number.prefix_empty")]
    [InlineData("津东市监罚〔1900〕12号", "document_number.year")]
    public void Parse_WhenMalformed_FailsWithCode(string text, string code)
    {
        var result = DocumentNumber.Parse(text);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe(code);
        result.Error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Create_WhenPrefixWithKindReadsAsAnotherKind_Fails() =>
        DocumentNumber.Create("津东市监听", DocumentKind.PenaltyNotice, 2023, 1).Error!.Code.ShouldBe("document_number.prefix_ambiguous");

    [Theory]
    [InlineData("津东 市监")]
    [InlineData("津东市监〔")]
    [InlineData("  ")]
    public void Create_WhenPrefixNotLetters_Fails(string prefix) =>
        DocumentNumber.Create(prefix, DocumentKind.PenaltyDecision, 2023, 1).IsSuccess.ShouldBeFalse();

    [Fact]
    public void Create_WhenSequenceNotPositive_Fails() =>
        DocumentNumber.Create("津东市监", DocumentKind.PenaltyDecision, 2023, 0).Error!.Code.ShouldBe("document_number.sequence");

    [Fact]
    public async Task NextAsync_WhenSameAgencyYearAndKind_CountsUpAndOtherSeriesStartAtOne()
    {
        var sequence = new InMemoryDocumentNumberSequence();
        (await sequence.NextAsync(1, 2023, DocumentKind.PenaltyDecision, default)).ShouldBe(1);
        (await sequence.NextAsync(1, 2023, DocumentKind.PenaltyDecision, default)).ShouldBe(2);
        (await sequence.NextAsync(1, 2023, DocumentKind.PenaltyNotice, default)).ShouldBe(1);
        (await sequence.NextAsync(1, 2024, DocumentKind.PenaltyDecision, default)).ShouldBe(1);
        (await sequence.NextAsync(2, 2023, DocumentKind.PenaltyDecision, default)).ShouldBe(1);
        (await sequence.NextAsync(1, 2023, DocumentKind.PenaltyDecision, default)).ShouldBe(3);
    }

    [Fact]
    public async Task NextAsync_WhenCalledConcurrently_NeverRepeatsANumber()
    {
        var sequence = new InMemoryDocumentNumberSequence();
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => sequence.NextAsync(7, 2023, DocumentKind.ServiceReceipt, default))));
        numbers.Order().ShouldBe(Enumerable.Range(1, 200));
    }

    [Fact]
    public async Task AllocateAsync_WhenCalledTwice_GivesConsecutiveNumbersOfTheSeries()
    {
        var sequence = new InMemoryDocumentNumberSequence();
        await DocumentNumber.AllocateAsync(sequence, 1, "津东市监", 2023, DocumentKind.PenaltyDecision, default);
        var second = await DocumentNumber.AllocateAsync(sequence, 1, "津东市监", 2023, DocumentKind.PenaltyDecision, default);
        second.ToString().ShouldBe("津东市监罚〔2023〕2号");
    }
}
