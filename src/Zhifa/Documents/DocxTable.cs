using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Documents;

/// <summary>One line of text in a table cell.</summary>
public sealed record DocxLine(string Text, DocxAlign Align = DocxAlign.Left);

/// <summary>
/// A table cell: its lines, the grid columns it spans, and the rows it spans downwards (the rows below
/// then leave that position out).
/// </summary>
public sealed record DocxCell(IReadOnlyList<DocxLine> Lines)
{
    public int Span { get; init; } = 1;

    public int RowSpan { get; init; } = 1;

    /// <summary>Top-aligned, for tall cells such as opinions; others are centred vertically.</summary>
    public bool Top { get; init; }

    /// <summary>A centred label (案件来源, 当事人).</summary>
    public static DocxCell Label(string text) => new([new DocxLine(text, DocxAlign.Center)]);

    /// <summary>Left-aligned text; each line of <paramref name="text"/> is a paragraph.</summary>
    public static DocxCell Text(string text) => new(DocxBuilder.Lines(text).Select(l => new DocxLine(l)).ToList());

    public static DocxCell Of(params DocxLine[] lines) => new(lines);
}

public sealed record DocxRow(IReadOnlyList<DocxCell> Cells)
{
    /// <summary>The least height of the row, for cells to be written in by hand.</summary>
    public double? MinHeightCm { get; init; }

    public static DocxRow Of(params DocxCell[] cells) => new(cells);
}

internal static class DocxTable
{
    public static Table Create(IReadOnlyList<double> widthsCm, IReadOnlyList<DocxRow> rows)
    {
        if (widthsCm.Count == 0 || widthsCm.Any(w => w <= 0))
            throw new ArgumentException("Each column needs a positive width.", nameof(widthsCm));
        var scale = DocxBuilder.TextWidth / widthsCm.Sum();
        var widths = widthsCm.Select(w => (int)(w * scale)).ToArray();

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = DocxBuilder.Twips(w) })));

        // Grid column → rows still covered by a cell above that spans down (and its column span).
        var merged = new Dictionary<int, (int Rows, int Span)>();
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            if (row.MinHeightCm is { } height)
            {
                tableRow.Append(new TableRowProperties(new TableRowHeight
                {
                    Val = (uint)(height * DocxBuilder.TwipsPerCm),
                    HeightType = HeightRuleValues.AtLeast,
                }));
            }

            var column = 0;
            var cells = new Queue<DocxCell>(row.Cells);
            while (column < widths.Length)
            {
                if (merged.TryGetValue(column, out var cover))
                {
                    tableRow.Append(Cell(widths, column, cover.Span, MergedCellValues.Continue, [new DocxLine("")], top: false));
                    merged[column] = (cover.Rows - 1, cover.Span);
                    if (cover.Rows == 1)
                        merged.Remove(column);
                    column += cover.Span;
                    continue;
                }

                if (!cells.TryDequeue(out var cell))
                    throw new ArgumentException($"A row has cells for {column} of the {widths.Length} columns.", nameof(rows));
                if (cell.Span < 1 || column + cell.Span > widths.Length || cell.RowSpan < 1)
                    throw new ArgumentException("A cell spans beyond the table.", nameof(rows));
                MergedCellValues? merge = cell.RowSpan > 1 ? MergedCellValues.Restart : null;
                if (cell.RowSpan > 1)
                    merged[column] = (cell.RowSpan - 1, cell.Span);
                tableRow.Append(Cell(widths, column, cell.Span, merge, cell.Lines, cell.Top));
                column += cell.Span;
            }

            if (cells.Count > 0)
                throw new ArgumentException($"A row has more cells than the {widths.Length} columns.", nameof(rows));
            table.Append(tableRow);
        }

        if (merged.Count > 0)
            throw new ArgumentException("A cell spans below the last row.", nameof(rows));
        return table;
    }

    private static TableCell Cell(int[] widths, int column, int span, MergedCellValues? merge, IReadOnlyList<DocxLine> lines, bool top)
    {
        var width = widths.Skip(column).Take(span).Sum();
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = DocxBuilder.Twips(width), Type = TableWidthUnitValues.Dxa },
            GridSpan = span > 1 ? new GridSpan { Val = span } : null,
            VerticalMerge = merge is { } m ? new VerticalMerge { Val = m } : null,
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = top ? TableVerticalAlignmentValues.Top : TableVerticalAlignmentValues.Center },
        };

        var cell = new TableCell(properties);
        foreach (var line in lines.Count > 0 ? lines : [new DocxLine("")])
        {
            var paragraph = DocxBuilder.Paragraph(line.Text, DocxFont.Body.Run(DocxBuilder.TablePoints), line.Align, lineTwips: 360);
            cell.Append(paragraph);
        }

        return cell;
    }
}
