using System.Globalization;

namespace Zhifa.Reports;

/// <summary>
/// The annual report as one document model, built once (<see cref="AnnualReportBuilder"/>) and written by each renderer
/// (Markdown, Word, Excel, PDF, the report page): a title, numbered sections of blocks.
/// </summary>
public sealed record ReportDocument(string Title, int Year, string ScopeName, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The download's file name without extension; null for the annual report's "2023年度行政执法工作报告-范围".</summary>
    public string? FileStem { get; init; }

    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();

    public IEnumerable<ReportChart> Charts => Sections.SelectMany(s => s.Blocks).OfType<ReportChart>();
}

/// <summary>一、基本情况 …: the heading carries its number, given when the document is built.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>A body paragraph.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A subheading inside a section: level 2 is (一), level 3 is 1.</summary>
public sealed record ReportHeading(string Text, int Level = 2) : ReportBlock;

/// <summary>A list of short items (an agency and its months).</summary>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A remark in small print under the text (provisional deadlines).</summary>
public sealed record ReportNote(string Text) : ReportBlock;

public enum ReportColumnKind
{
    Text,
    Number,
}

public sealed record ReportColumn(string Header, ReportColumnKind Kind = ReportColumnKind.Text, double Width = 1)
{
    public static ReportColumn Number(string header, double width = 1) => new(header, ReportColumnKind.Number, width);
}

/// <summary>A cell: its text as printed, and the number behind it when it is one (Excel keeps numbers as numbers).</summary>
public readonly record struct ReportCell(string Text, double? Number)
{
    public static ReportCell Of(string text) => new(text, null);

    public static ReportCell Of(long value) => new(value.ToString(CultureInfo.InvariantCulture), value);

    /// <summary>A number printed with its own format (an amount, a rate).</summary>
    public static ReportCell Of(double value, string text) => new(text, value);

    public static implicit operator ReportCell(string text) => Of(text);

    public static implicit operator ReportCell(long value) => Of(value);
}

/// <summary>
/// A table: <paramref name="Caption"/> is printed above it (may be empty), <paramref name="SheetName"/> names its
/// worksheet in Excel (31 characters at most, none of <c>[]:*?/\</c>).
/// </summary>
public sealed record ReportTable(string SheetName, string Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
    : ReportBlock;

public enum ReportChartKind
{
    /// <summary>Vertical bars in the given order (months, case types).</summary>
    Columns,

    /// <summary>Horizontal bars, largest first (agencies ranked).</summary>
    Ranking,
}

public sealed record ChartPoint(string Label, double Value);

/// <summary>A chart drawn as a PNG by <see cref="ReportCharts"/>; <paramref name="Key"/> names its file and image.</summary>
public sealed record ReportChart(string Key, string Caption, ReportChartKind Kind, string Unit, IReadOnlyList<ChartPoint> Points) : ReportBlock;

/// <summary>Chinese numbering of sections and subsections.</summary>
public static class ReportNumbers
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>1 → 一, 12 → 十二, 20 → 二十.</summary>
    public static string Chinese(int n) => n switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(n), n, "Numbers start at 1."),
        <= 10 => Digits[n],
        < 20 => "十" + Digits[n - 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static string Section(int n, string title) => $"{Chinese(n)}、{title}";

    public static string Subsection(int n, string title) => $"({Chinese(n)}){title}";
}
