using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Zhifa.Reports;

/// <summary>
/// The annual report as an Excel workbook (OpenXML SDK): a first sheet 报告 with the text in reading order, then one
/// sheet per table and per chart's figures. Numbers are numeric cells, so a district can sum and sort them.
/// </summary>
public static class AnnualReportXlsx
{
    private const uint Bold = 1;

    public static byte[] Write(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new List<(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)>();
        var names = new HashSet<string>(StringComparer.Ordinal) { "报告" };
        var text = new List<IReadOnlyList<ReportCell>> { new ReportCell[] { report.Title } };
        foreach (var section in report.Sections)
        {
            text.Add([section.Heading]);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p: text.Add([p.Text]); break;
                    case ReportNote n: text.Add([n.Text]); break;
                    case ReportHeading h: text.Add([h.Text]); break;
                    case ReportList l: text.AddRange(l.Items.Select(i => (IReadOnlyList<ReportCell>)[i])); break;
                    case ReportTable t:
                        var tableSheet = Unique(t.SheetName, names);
                        sheets.Add((tableSheet, t.Columns, t.Rows));
                        text.Add([$"{(t.Caption.Length > 0 ? t.Caption : tableSheet)}:见工作表\"{tableSheet}\""]);
                        break;
                    case ReportChart c:
                        var chartSheet = Unique(ChartSheetName(c), names);
                        sheets.Add((chartSheet, [new ReportColumn(c.Kind == ReportChartKind.Ranking ? "执法机关" : "项目", Width: 3), ReportColumn.Number(c.Unit)],
                            c.Points.Select(p => (IReadOnlyList<ReportCell>)[p.Label, ReportCell.Of(p.Value, p.Value.ToString("0.##", CultureInfo.InvariantCulture))]).ToList()));
                        text.Add([$"{c.Caption}:数据见工作表\"{chartSheet}\""]);
                        break;
                    default: throw new NotSupportedException(block.GetType().Name);
                }
            }
        }
        sheets.Insert(0, ("报告", [new ReportColumn(report.Title, Width: 30)], text.Skip(1).ToList()));

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = report.Title;
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, columns, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(columns, rows, wrapFirst: id == 1);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        return buffer.ToArray();
    }

    private static Worksheet Sheet(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<ReportCell>> rows, bool wrapFirst)
    {
        var widths = new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
            Width = wrapFirst ? 120 : Math.Max(10, Math.Round(c.Width * 8, 1)),
        }));
        var data = new SheetData();
        data.Append(new Row(columns.Select((c, i) => new Cell
        {
            CellReference = Reference(i, 1), DataType = CellValues.InlineString, StyleIndex = Bold,
            InlineString = new InlineString(new Text(c.Header)),
        })) { RowIndex = 1 });
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 2 };
            for (var c = 0; c < rows[r].Count; c++)
                row.Append(Cell(rows[r][c], Reference(c, r + 2), wrapFirst));
            data.Append(row);
        }
        return new Worksheet(widths, data);
    }

    private static Cell Cell(ReportCell cell, string reference, bool wrap) => cell.Number is { } n
        ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n.ToString("R", CultureInfo.InvariantCulture)) }
        : new Cell
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = wrap ? 2u : 0u,
            InlineString = new InlineString(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }),
        };

    /// <summary>Fonts 0 regular and 1 bold; formats 0 plain, 1 bold, 2 wrapped text.</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
                new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true })
            { Count = 3 });
    }

    private static string Reference(int column, int row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>图1 2023年各月行政执法案件数 → 2023年各月行政执法案件数.</summary>
    private static string ChartSheetName(ReportChart chart)
    {
        var caption = chart.Caption;
        var space = caption.IndexOf(' ', StringComparison.Ordinal);
        return caption.StartsWith('图') && space > 0 ? caption[(space + 1)..] : caption;
    }

    /// <summary>A valid sheet name (31 characters, none of []:*?/\), not yet used in the workbook.</summary>
    private static string Unique(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '_' : ch).ToArray()).Trim('\'');
        if (clean.Length == 0)
            clean = "表";
        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
