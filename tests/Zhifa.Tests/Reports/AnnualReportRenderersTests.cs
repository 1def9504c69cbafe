using SkiaSharp;
using Zhifa.Data.Statistics;
using Zhifa.Reports;
using Zhifa.Tests.Documents;

namespace Zhifa.Tests.Reports;

/// <summary>The report model and its renderers without a database: sections "when present", each format's structure, fonts.</summary>
public sealed class AnnualReportRenderersTests
{
    private static SupervisionFigures Figures() => new()
    {
        Period = StatisticsPeriod.Year(2024),
        Scope = StatisticsScope.ForRegion("120102"),
        Region = "120102",
        Agencies = 2,
        CertifiedOfficers = 5,
        Cases = new CaseCounts(12, 9, 3, 0),
        ByAgencyCategory = [new("委办局", new CaseCounts(12, 9, 3, 0))],
        PreviousYearCases = 10,
        YoyCaseGrowth = 0.2,
        ZeroEnforcementMonths = [new("AGB", "2024-03")],
        OverduePenaltyCases = ["A-2024-1"],
        LatePublicity = [],
        UnpublishedDecisions = [],
        PerAgency =
        [
            new("AGA", "天津市河东区市场监督管理局", "委办局", 3, 3, new CaseCounts(12, 9, 3, 0), 0),
            new("AGB", "天津市河东区城市管理委员会", "委办局", 2, 0, new CaseCounts(0, 0, 0, 0), 12),
        ],
    };

    private static ReportDocument Report(params ReportContribution[] work) => AnnualReportBuilder.Build(new AnnualReportInputs(
        Figures(), null, [1, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 2], [new("行政检查", 9), new("行政处罚", 3)],
        [new AlertTally("零执法", 2, 1)], work));

    private static SKTypeface Font() => ReportFonts.Find(null).Value;

    [Fact]
    public void Build_WithAContributionOfALaterModule_NumbersItAmongTheWorkOfTheYear()
    {
        var review = new ReportContribution("案卷评查", [new ReportParagraph("全年评查案卷20卷,优秀5卷。")]);

        var md = AnnualReportMarkdown.Write(Report(new ReportContribution("法制审核", [new ReportParagraph("审核3件。")]), review));

        md.ShouldContain("## 三、年度执法监督工作\n\n### (一)法制审核\n\n审核3件。\n\n### (二)案卷评查\n\n全年评查案卷20卷,优秀5卷。");
    }

    [Fact]
    public void Build_WithoutAnyWorkRecorded_SaysSoInsteadOfEmptyHeadings()
    {
        var md = AnnualReportMarkdown.Write(Report());

        md.ShouldContain("## 三、年度执法监督工作\n\n本年度平台未记录法制审核、执法公示等执法监督工作。");
        md.ShouldNotContain("案卷评查");
        md.ShouldContain("### (五)平台预警(2条)\n\n全年平台共生成预警2条,其中零执法2条;问题已消除1条,仍待处理1条。");
        md.ShouldContain("- 天津市河东区城市管理委员会(AGB):3月");
    }

    [Fact]
    public void Docx_OfTheReport_IsValidWithAnImagePerChart()
    {
        var docx = AnnualReportDocx.Write(Report(), Font());

        Docx.ValidationErrors(docx).ShouldBeEmpty();
        using var document = Docx.Open(docx);
        document.MainDocumentPart!.ImageParts.Count().ShouldBe(3);
        Docx.Text(docx).ShouldContain("共办理行政执法案件12件,包括行政检查9件、行政处罚3件、其他类型0件,年度办案量同比上升20.0%");
    }

    [Fact]
    public void Xlsx_OfTheReport_IsValidAndKeepsNumbersAsNumbers()
    {
        var xlsx = AnnualReportXlsx.Write(Report());

        ReportFiles.XlsxValidationErrors(xlsx).ShouldBeEmpty();
        var sheets = ReportFiles.Sheets(xlsx);
        sheets["2024年各月行政执法案件数"].Skip(1).Select(r => r[1]).ShouldBe(
            new[] { 1, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 2 }.Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), true)));
        sheets["平台预警"][1].Select(c => c.Text).ShouldBe(["零执法", "2", "1", "1"]);
    }

    [Fact]
    public async Task Pdf_OfTheReport_HasTheChineseTextAsAReaderCopiesIt()
    {
        using var dir = Infrastructure.TestPaths.NewTempDirectory();
        var pdf = AnnualReportPdf.Write(Report(), Font());

        var text = await ReportFiles.PdfTextAsync(pdf, dir.Path);
        text.ShouldContain("区划 120102 2024年度行政执法工作报告");
        text.ShouldContain("年度办案量同比上升20.0%");
        text.ShouldContain("天津市河东区城市管理委员会");
        text.ShouldNotContain("⾏"); // U+2F8F, the radical whose glyph 行 shares
    }

    [Fact]
    public void Wrap_OfALongSentence_NeverBreaksANumberOrStartsALineWithPunctuation()
    {
        using var font = new SKFont(Font(), 11.5f);
        var text = string.Concat(Enumerable.Repeat("共办理行政执法案件31065件,同比上升27.1%。", 12));

        var lines = AnnualReportPdf.Wrap(text, font, 200, 23);

        lines.Count.ShouldBeGreaterThan(5);
        string.Concat(lines).ShouldBe(text);
        lines.ShouldAllBe(l => font.MeasureText(l) <= 200.5f);
        lines.ShouldAllBe(l => !l.StartsWith(',') && !l.StartsWith('。') && !l.StartsWith('%'));
        lines.Zip(lines.Skip(1)).Where(p => char.IsAsciiDigit(p.First[^1]) && char.IsAsciiDigit(p.Second[0])).ShouldBeEmpty();
    }

    [Fact]
    public void Chart_OfTheMonths_IsAPngOfTheChartWidth()
    {
        var chart = Report().Charts.First();

        using var bitmap = SKBitmap.Decode(ReportCharts.Png(chart, Font()));

        bitmap.Width.ShouldBe(ReportCharts.Width);
        ReportFiles.Coverage(bitmap).Bars.ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public void FontFind_WithAConfiguredPathThatIsMissing_SaysWhatToDoInChinese()
    {
        var font = ReportFonts.Find("/nonexistent/simhei.ttf");

        font.IsSuccess.ShouldBeFalse();
        font.Error!.Message.ShouldBe("找不到配置的中文字体文件:/nonexistent/simhei.ttf(配置项 Zhifa:Reports:FontPath),请检查路径");
    }

    [Fact]
    public void FontFind_OnThisMachine_GivesTheSimplifiedChineseFace()
    {
        var font = ReportFonts.Find(null);

        font.IsSuccess.ShouldBeTrue(font.Error?.Message);
        font.Value.GetGlyph('报').ShouldNotBe((ushort)0);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(35, "三十五")]
    public void ReportNumbers_InChinese(int n, string expected) => ReportNumbers.Chinese(n).ShouldBe(expected);
}
