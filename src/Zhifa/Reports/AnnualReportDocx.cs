using SkiaSharp;
using Zhifa.Documents;

namespace Zhifa.Reports;

/// <summary>The annual report as a Word file in the layout of the enforcement documents (ADR-005), charts as PNG images.</summary>
public static class AnnualReportDocx
{
    private const double ChartWidthCm = 15;

    public static byte[] Write(ReportDocument report, SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(report);
        var docx = new DocxBuilder().SetFileTitle(report.Title).AddTitle(report.Title).AddBlankLine();
        foreach (var section in report.Sections)
        {
            docx.AddHeading(section.Heading);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        docx.AddParagraph(p.Text);
                        break;
                    case ReportNote n:
                        docx.AddParagraph(n.Text);
                        break;
                    case ReportHeading h:
                        docx.AddHeading(h.Text, Math.Clamp(h.Level, 2, 3));
                        break;
                    case ReportList l:
                        foreach (var item in l.Items)
                            docx.AddParagraph(item);
                        break;
                    case ReportTable t:
                        if (t.Caption.Length > 0)
                            docx.AddLine(t.Caption, DocxAlign.Center);
                        docx.AddTable(t.Columns.Select(c => c.Width).ToList(), Rows(t));
                        docx.AddBlankLine();
                        break;
                    case ReportChart c:
                        docx.AddImage(ReportCharts.Png(c, typeface), ChartWidthCm);
                        docx.AddLine(c.Caption, DocxAlign.Center);
                        break;
                    default:
                        throw new NotSupportedException(block.GetType().Name);
                }
            }
        }
        return docx.AddPageNumbers().ToArray();
    }

    private static IEnumerable<DocxRow> Rows(ReportTable table)
    {
        yield return new DocxRow(table.Columns.Select(c => DocxCell.Label(c.Header)).ToList());
        foreach (var row in table.Rows)
            yield return new DocxRow(row.Select((cell, i) => DocxCell.Of(new DocxLine(cell.Text,
                table.Columns[i].Kind == ReportColumnKind.Number ? DocxAlign.Right : DocxAlign.Left))).ToList());
    }
}
