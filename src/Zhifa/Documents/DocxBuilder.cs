using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Documents;

public enum DocxAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>
/// Writes a .docx in the layout of Chinese official documents (GB/T 9704-2012 党政机关公文格式): A4 with a
/// 156 × 225 mm text area, titles in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 on a 22-line grid with a
/// two-character first-line indent, headings in 黑体 / 楷体, the agency and date block under the seal, and
/// "— 1 —" page numbers. Blocks are collected and the package is written by <see cref="ToArray"/>.
/// </summary>
public sealed class DocxBuilder
{
    /// <summary>三号 (16 pt): body text.</summary>
    public const double BodyPoints = 16;

    /// <summary>二号 (22 pt): titles.</summary>
    public const double TitlePoints = 22;

    /// <summary>小四 (12 pt): text in tables.</summary>
    public const double TablePoints = 12;

    internal const int TwipsPerCm = 567;

    // GB/T 9704-2012 5.2: top 37 mm, binding side 28 mm, text area 156 × 225 mm on A4 (210 × 297 mm).
    private const int PageWidth = 11906, PageHeight = 16838;
    private const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    internal const int TextWidth = PageWidth - MarginLeft - MarginRight;

    // 22 lines in 225 mm: 28.95 pt per line.
    private const int LinePitch = 579;

    private readonly List<Func<MainDocumentPart, OpenXmlElement>> _blocks = [];
    private string? _title;
    private bool _pageNumbers;

    /// <summary>The title in the file's properties, shown by file managers and document lists.</summary>
    public DocxBuilder SetFileTitle(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>A centred title line (二号 方正小标宋简体, bold so that the 宋体 fallback still reads as a title).</summary>
    public DocxBuilder AddTitle(string text) =>
        Add(Paragraph(text, DocxFont.Title.Run(TitlePoints, bold: true), DocxAlign.Center, lineTwips: null));

    /// <summary>The document number line (津东市监罚〔2023〕12号), right-aligned by default as on enforcement documents.</summary>
    public DocxBuilder AddDocumentNumber(string number, DocxAlign align = DocxAlign.Right)
    {
        var paragraph = Paragraph(number, DocxFont.Body.Run(BodyPoints), align);
        paragraph.ParagraphProperties!.SpacingBetweenLines!.After = "160";
        return Add(paragraph);
    }

    /// <summary>A heading: level 1 in 黑体 (一、), level 2 in 楷体 (（一）), level 3 in bold 仿宋 (1.), indented like body text.</summary>
    public DocxBuilder AddHeading(string text, int level = 1)
    {
        var run = level switch
        {
            1 => DocxFont.Hei.Run(BodyPoints),
            2 => DocxFont.Kai.Run(BodyPoints),
            3 => DocxFont.Body.Run(BodyPoints, bold: true),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 1 to 3."),
        };
        var paragraph = Paragraph(text, run, DocxAlign.Justify, indentChars: 2);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.ParagraphProperties.OutlineLevel = new OutlineLevel { Val = level - 1 };
        return Add(paragraph);
    }

    /// <summary>Body paragraphs with a two-character first-line indent; each line of <paramref name="text"/> is one paragraph.</summary>
    public DocxBuilder AddParagraph(string text)
    {
        foreach (var line in Lines(text))
            Add(Paragraph(line, DocxFont.Body.Run(BodyPoints), DocxAlign.Justify, indentChars: 2));
        return this;
    }

    /// <summary>A line without indent, such as the addressee (XX有限公司：) or a label line.</summary>
    public DocxBuilder AddLine(string text, DocxAlign align = DocxAlign.Left) =>
        Add(Paragraph(text, DocxFont.Body.Run(BodyPoints), align));

    public DocxBuilder AddBlankLine() => AddLine("");

    /// <summary>A bordered table across the text area; widths in cm are scaled to the text width.</summary>
    public DocxBuilder AddTable(IReadOnlyList<double> columnWidthsCm, IEnumerable<DocxRow> rows)
    {
        var table = DocxTable.Create(columnWidthsCm, rows.ToList());
        return Add(table);
    }

    /// <summary>
    /// The agency name and date under the seal: the date four characters from the right margin
    /// (GB/T 9704-2012 7.3.5.1), the name centred above it, two blank lines above for the seal.
    /// The date is written 二〇二三年五月六日.
    /// </summary>
    public DocxBuilder AddSignature(string agencyName, DateOnly date)
    {
        var dateText = ChineseFormat.FormalDate(date);
        var nameIndent = 4 + (Width(dateText) - Width(agencyName)) / 2;
        var dateIndent = 4.0;
        if (nameIndent < 2)
        {
            dateIndent += 2 - nameIndent;
            nameIndent = 2;
        }

        AddBlankLine();
        AddBlankLine();
        Add(Paragraph(agencyName, DocxFont.Body.Run(BodyPoints), DocxAlign.Right, rightChars: nameIndent));
        return Add(Paragraph(dateText, DocxFont.Body.Run(BodyPoints), DocxAlign.Right, rightChars: dateIndent));
    }

    /// <summary>A PNG image (a chart), centred, <paramref name="widthCm"/> wide with its aspect ratio kept.</summary>
    public DocxBuilder AddImage(byte[] png, double widthCm)
    {
        ArgumentNullException.ThrowIfNull(png);
        var (pixelWidth, pixelHeight) = DocxParts.PngSize(png);
        if (widthCm <= 0 || widthCm * TwipsPerCm > TextWidth + 1)
            throw new ArgumentOutOfRangeException(nameof(widthCm), widthCm, "The image must fit the 15.6 cm text width.");
        var copy = png.ToArray();
        var id = (uint)_blocks.Count + 1;
        return Add(main => DocxParts.ImageParagraph(main, copy, widthCm, (double)pixelHeight / pixelWidth, id));
    }

    /// <summary>Page numbers in the footer as "— 1 —" (4号 宋体, GB/T 9704-2012 7.5).</summary>
    public DocxBuilder AddPageNumbers()
    {
        _pageNumbers = true;
        return this;
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Write to a buffer first: the packaging API needs a seekable stream, an HTTP response is not.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            if (_title is not null)
                document.PackageProperties.Title = _title;
            var main = document.AddMainDocumentPart();
            DocxFont.AddStyleParts(main);
            var body = new Body(_blocks.Select(block => block(main)));
            body.Append(SectionProperties(main));
            main.Document = new Document(body);
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    internal static Paragraph Paragraph(
        string text, RunProperties run, DocxAlign align, double indentChars = 0, double rightChars = 0, int? lineTwips = LinePitch)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = lineTwips is { } line
                ? new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(line), LineRule = LineSpacingRuleValues.Exact }
                : new SpacingBetweenLines { Before = "0", After = "0" },
            Justification = new Justification { Val = Justify(align) },
        };
        if (indentChars > 0 || rightChars > 0)
        {
            // Character units (hundredths) for Word and WPS, twips for readers that ignore them.
            var charTwips = run.FontSize?.Val?.Value is { } half ? int.Parse(half, CultureInfo.InvariantCulture) * 10 : 320;
            // Set only what applies: the SDK writes a null-valued attribute as an empty, invalid one.
            var indentation = new Indentation();
            if (indentChars > 0)
            {
                indentation.FirstLineChars = (int)(indentChars * 100);
                indentation.FirstLine = Twips((int)(indentChars * charTwips));
            }

            if (rightChars > 0)
            {
                indentation.RightChars = (int)(rightChars * 100);
                indentation.Right = Twips((int)(rightChars * charTwips));
            }

            properties.Indentation = indentation;
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
            paragraph.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    internal static JustificationValues Justify(DocxAlign align) => align switch
    {
        DocxAlign.Center => JustificationValues.Center,
        DocxAlign.Right => JustificationValues.Right,
        DocxAlign.Justify => JustificationValues.Both,
        _ => JustificationValues.Left,
    };

    internal static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>Width in Chinese characters: ASCII counts half.</summary>
    private static double Width(string text) => text.Sum(c => c < 0x80 ? 0.5 : 1.0);

    private DocxBuilder Add(OpenXmlElement element) => Add(_ => element.CloneNode(true));

    private DocxBuilder Add(Func<MainDocumentPart, OpenXmlElement> block)
    {
        _blocks.Add(block);
        return this;
    }

    private SectionProperties SectionProperties(MainDocumentPart main)
    {
        var section = new SectionProperties();
        if (_pageNumbers)
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = DocxParts.AddPageNumberFooter(main) });
        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
                Header = 851, Footer = 1304, Gutter = 0,
            },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });
        return section;
    }
}
