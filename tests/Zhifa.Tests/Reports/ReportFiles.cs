using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SkiaSharp;

namespace Zhifa.Tests.Reports;

/// <summary>Reads the report files back: Excel cells with the OpenXML SDK; PDF text and page images with poppler (pdftotext, pdftoppm; installed by .ci/run).</summary>
internal static class ReportFiles
{
    /// <summary>Every sheet by name, each as rows of (text, is-a-number) cells.</summary>
    public static Dictionary<string, List<List<(string Text, bool IsNumber)>>> Sheets(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.Number
                    ? (c.CellValue!.Text, true)
                    : (c.InlineString?.InnerText ?? c.CellValue?.Text ?? "", false)).ToList())
                .ToList());
    }

    public static IReadOnlyList<string> XlsxValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The text as a reader copies it (pdftotext honours /ActualText), pages separated by form feeds.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf, string directory)
    {
        var input = Path.Combine(directory, $"text-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(input, pdf);
        return await PopplerAsync("pdftotext", "-enc", "UTF-8", input, "-");
    }

    public static async Task<int> PdfPagesAsync(byte[] pdf, string directory) => (await PdfTextAsync(pdf, directory)).TrimEnd('\f').Split('\f').Length;

    private static async Task<string> PopplerAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        return await output;
    }

    /// <summary>One page rendered by poppler's pdftoppm (installed by .ci/run) at 50 dpi, as a bitmap.</summary>
    public static async Task<SKBitmap> RenderPageAsync(byte[] pdf, int page, string directory)
    {
        var input = Path.Combine(directory, $"render-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(input, pdf);
        var output = Path.Combine(directory, $"page-{Guid.NewGuid():N}");
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PopplerAsync("pdftoppm", "-r", "50", "-png", "-singlefile", "-f", number, "-l", number, input, output);
        return SKBitmap.Decode(output + ".png");
    }

    /// <summary>The share of pixels that are ink (dark) and of those in the charts' bar blue.</summary>
    public static (double Ink, double Bars) Coverage(SKBitmap bitmap)
    {
        long ink = 0, bars = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 300)
                    ink++;
                if (Math.Abs(c.Red - 0x2f) < 30 && Math.Abs(c.Green - 0x5d) < 30 && Math.Abs(c.Blue - 0x9e) < 30)
                    bars++;
            }
        double total = (long)bitmap.Width * bitmap.Height;
        return (ink / total, bars / total);
    }
}
