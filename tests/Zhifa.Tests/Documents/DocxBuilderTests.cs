using DocumentFormat.OpenXml.Wordprocessing;
using Zhifa.Documents;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Zhifa.Tests.Documents;

public class DocxBuilderTests
{
    // A 1 × 1 transparent PNG.
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public void ToArray_WhenEveryKindOfBlock_GivesAValidDocx()
    {
        var bytes = Report().ToArray();

        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        Docx.Text(bytes).ShouldBe(string.Join("\n",
            "2023年度行政执法工作报告", "津东司〔2024〕1号", "一、基本情况", "全区执法机关42个。", "第二段。",
            "机关", "案件数", "区市场监管局", "1200", "", "（一）处罚", "", "", "天津市河东区司法局", "二〇二四年一月十五日"));
    }

    [Fact]
    public void AddPageNumbers_WhenCalled_PutsAPageFieldInTheDefaultFooter()
    {
        using var document = Docx.Open(Report().ToArray());
        var main = document.MainDocumentPart!;
        var footer = main.FooterParts.ShouldHaveSingleItem().Footer!;
        footer.Descendants<SimpleField>().ShouldHaveSingleItem().Instruction!.Value!.Trim().ShouldBe("PAGE");
        footer.InnerText.ShouldBe("— 1 —");
        main.Document.Body!.Elements<SectionProperties>().Single().Elements<FooterReference>().ShouldHaveSingleItem();
    }

    [Fact]
    public void ToArray_WhenNoPageNumbers_HasNoFooter()
    {
        using var document = Docx.Open(new DocxBuilder().AddParagraph("正文").ToArray());
        document.MainDocumentPart!.FooterParts.ShouldBeEmpty();
    }

    [Fact]
    public void ToArray_Always_SetsA4AndTheOfficialDocumentMargins()
    {
        using var document = Docx.Open(new DocxBuilder().AddParagraph("正文").ToArray());
        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        ((int)size.Width!.Value, (int)size.Height!.Value).ShouldBe((11906, 16838));
        var margin = section.GetFirstChild<PageMargin>()!;
        ((int)margin.Top!.Value, (int)margin.Left!.Value).ShouldBe((2098, 1587));
    }

    [Fact]
    public void AddParagraph_WhenBodyText_UsesFangSongWithTwoCharacterIndent()
    {
        using var document = Docx.Open(new DocxBuilder().AddParagraph("正文“引号”").ToArray());
        var paragraph = Docx.Paragraphs(document).Single();
        paragraph.ParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200);
        var fonts = paragraph.Descendants<RunFonts>().Single();
        fonts.EastAsia!.Value.ShouldBe("仿宋_GB2312");
        fonts.Hint!.Value.ShouldBe(FontTypeHintValues.EastAsia);
        paragraph.Descendants<FontSize>().Single().Val!.Value.ShouldBe("32");
    }

    [Fact]
    public void AddTitle_WhenTitle_IsCentredBoldXiaobiaosongWithSongFallbackInTheFontTable()
    {
        using var document = Docx.Open(new DocxBuilder().AddTitle("行政处罚决定书").ToArray());
        var paragraph = Docx.Paragraphs(document).Single();
        paragraph.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        paragraph.Descendants<RunFonts>().Single().EastAsia!.Value.ShouldBe("方正小标宋简体");
        paragraph.Descendants<Bold>().ShouldHaveSingleItem();
        paragraph.Descendants<FontSize>().Single().Val!.Value.ShouldBe("44");
        var font = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "方正小标宋简体");
        font.GetFirstChild<AltName>()!.Val!.Value.ShouldBe("宋体");
    }

    [Fact]
    public void AddSignature_WhenNameLongerThanDate_CentresTheNameOverTheDateFourCharactersFromTheRight()
    {
        using var document = Docx.Open(new DocxBuilder().AddSignature("天津市河东区市场监督管理局", new DateOnly(2023, 5, 6)).ToArray());
        var paragraphs = Docx.Paragraphs(document);
        var (name, date) = (paragraphs[^2], paragraphs[^1]);
        date.InnerText.ShouldBe("二〇二三年五月六日");
        date.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);
        // Name 13 characters, date 9: the name sticks out two characters on each side of the date.
        date.ParagraphProperties.Indentation!.RightChars!.Value.ShouldBe(400);
        name.ParagraphProperties!.Indentation!.RightChars!.Value.ShouldBe(200);
    }

    [Fact]
    public void AddImage_WhenWidthGiven_KeepsTheAspectRatio()
    {
        var png = OnePixelPng.ToArray();
        png[19] = 4; // IHDR width 4 px, height 1 px: the size is read from the header only
        using var document = Docx.Open(new DocxBuilder().AddImage(png, 12).ToArray());
        var extent = document.MainDocumentPart!.Document.Descendants<DW.Extent>().Single();
        extent.Cx!.Value.ShouldBe(12 * 360_000L);
        extent.Cy!.Value.ShouldBe(3 * 360_000L);
        document.MainDocumentPart.ImageParts.ShouldHaveSingleItem().ContentType.ShouldBe("image/png");
    }

    [Fact]
    public void AddImage_WhenNotPng_Throws() =>
        Should.Throw<ArgumentException>(() => new DocxBuilder().AddImage([1, 2, 3], 10));

    [Fact]
    public void AddImage_WhenWiderThanTheTextArea_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DocxBuilder().AddImage(OnePixelPng, 16));

    [Fact]
    public void AddTable_WhenRowHasTooFewCells_Throws() =>
        Should.Throw<ArgumentException>(() => new DocxBuilder().AddTable([2, 2], [DocxRow.Of(DocxCell.Text("a"))]));

    [Fact]
    public void AddTable_WhenCellSpansBelowTheLastRow_Throws() =>
        Should.Throw<ArgumentException>(() => new DocxBuilder().AddTable([2, 2], [DocxRow.Of(DocxCell.Text("a") with { RowSpan = 2 }, DocxCell.Text("b"))]));

    private static DocxBuilder Report() => new DocxBuilder()
        .SetFileTitle("2023年度行政执法工作报告")
        .AddTitle("2023年度行政执法工作报告")
        .AddDocumentNumber("津东司〔2024〕1号", DocxAlign.Center)
        .AddHeading("一、基本情况")
        .AddParagraph("全区执法机关42个。\n第二段。")
        .AddTable([4, 2], [
            DocxRow.Of(DocxCell.Label("机关"), DocxCell.Label("案件数")),
            DocxRow.Of(DocxCell.Text("区市场监管局"), DocxCell.Of(new DocxLine("1200", DocxAlign.Right))),
        ])
        .AddImage(OnePixelPng, 10)
        .AddHeading("（一）处罚", 2)
        .AddSignature("天津市河东区司法局", new DateOnly(2024, 1, 15))
        .AddPageNumbers();
}
