using System.Globalization;
using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Documents;

/// <summary>
/// A document number (文号) as Chinese agencies write it: the agency's prefix, the kind character, the year in
/// hexagonal brackets and the sequence without leading zeros (GB/T 9704-2012 7.2.4), e.g. 津东市监罚〔2023〕12号.
/// The sequence runs per agency, year and kind (<see cref="IDocumentNumberSequence"/>).
/// </summary>
public sealed partial record DocumentNumber
{
    private DocumentNumber(string prefix, DocumentKind kind, int year, int sequence)
    {
        Prefix = prefix;
        Kind = kind;
        Year = year;
        Sequence = sequence;
    }

    /// <summary>The agency's abbreviation, e.g. 津东市监 (天津市河东区市场监督管理局).</summary>
    public string Prefix { get; }

    public DocumentKind Kind { get; }

    public int Year { get; }

    public int Sequence { get; }

    public static Result<DocumentNumber> Create(string? prefix, DocumentKind kind, int year, int sequence)
    {
        var p = prefix?.Trim() ?? "";
        if (p.Length == 0)
            return Error("prefix_empty", "文号的机关代字不能为空");
        if (!PrefixPattern().IsMatch(p))
            return Error("prefix_invalid", $"文号的机关代字\"{p}\"只能包含汉字和字母");
        if (year is < 1949 or > 9999)
            return Error("year", $"文号年份{year}无效");
        if (sequence < 1)
            return Error("sequence", $"文号序号应为正整数，实际为{sequence}");

        // A prefix ending in 听 with the kind 告 would read back as 听告: refuse what cannot round-trip.
        var head = p + kind.Code();
        foreach (var other in Enum.GetValues<DocumentKind>())
        {
            if (other.Code().Length > kind.Code().Length && head.EndsWith(other.Code(), StringComparison.Ordinal))
                return Error("prefix_ambiguous", $"机关代字\"{p}\"与文书代字\"{kind.Code()}\"连写后无法与\"{other.Code()}\"区分");
        }

        return new DocumentNumber(p, kind, year, sequence);
    }

    /// <summary>
    /// Reads a number written as <see cref="ToString"/> writes it. The year may also be in [ ] or ［ ］, as
    /// numbers are often typed, and surrounding spaces are ignored.
    /// </summary>
    public static Result<DocumentNumber> Parse(string? text)
    {
        var match = NumberPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
            return Error("format", $"\"{text}\"不是有效的文号，应形如“津东市监罚〔2023〕12号”");

        var head = match.Groups["head"].Value;
        foreach (var kind in Enum.GetValues<DocumentKind>().OrderByDescending(k => k.Code().Length))
        {
            if (head.EndsWith(kind.Code(), StringComparison.Ordinal))
            {
                var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                var sequence = int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture);
                return Create(head[..^kind.Code().Length], kind, year, sequence);
            }
        }

        return Error("kind", $"文号\"{text}\"中没有可识别的文书代字（{string.Join("、", Enum.GetValues<DocumentKind>().Select(k => k.Code()))}）");
    }

    /// <summary>
    /// Allocates the next number of the agency's series for the year and kind.
    /// </summary>
    public static async Task<DocumentNumber> AllocateAsync(
        IDocumentNumberSequence sequence, long agencyId, string prefix, int year, DocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var next = await sequence.NextAsync(agencyId, year, kind, cancellationToken).ConfigureAwait(false);
        var number = Create(prefix, kind, year, next);
        return number.IsSuccess ? number.Value : throw new ArgumentException(number.Error.Message, nameof(prefix));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Kind.Code()}〔{Year}〕{Sequence}号");

    private static DomainError Error(string code, string message) => new($"document_number.{code}", message);

    [GeneratedRegex(@"^[\p{L}]+$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^(?<head>\p{L}+)[〔\[［](?<year>\d{4})[〕\]］](?<seq>[1-9]\d{0,8})号$")]
    private static partial Regex NumberPattern();
}
