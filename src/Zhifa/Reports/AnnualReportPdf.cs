using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Zhifa.Reports;

/// <summary>
/// The annual report as a PDF drawn with SkiaSharp's PDF backend and a Chinese font found at run time
/// (<see cref="ReportFonts"/>): A4, the same blocks as the Word file, tables with their header repeated on each page,
/// charts as images, page numbers "— 1 —". Skia embeds a subset of the font with its Unicode map, so the text can be
/// searched and copied.
/// </summary>
public static class AnnualReportPdf
{
    public static byte[] Write(ReportDocument report, SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var writer = new Writer(stream, report.Title, typeface))
        {
            writer.Title(report.Title);
            foreach (var section in report.Sections)
            {
                writer.Heading(section.Heading, 1);
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ReportParagraph p: writer.Paragraph(p.Text); break;
                        case ReportNote n: writer.Paragraph(n.Text, small: true); break;
                        case ReportHeading h: writer.Heading(h.Text, h.Level); break;
                        case ReportList l:
                            foreach (var item in l.Items)
                                writer.Paragraph(item);
                            break;
                        case ReportTable t: writer.Table(t); break;
                        case ReportChart c: writer.Image(ReportCharts.Png(c, typeface), c.Caption); break;
                        default: throw new NotSupportedException(block.GetType().Name);
                    }
                }
            }
        }
        return stream.ToArray();
    }

    private sealed class Writer : IDisposable
    {
        private const float PageWidth = 595.28f, PageHeight = 841.89f;
        private const float Left = 72, Right = 64, Top = 72, Bottom = 72;
        private const float ContentWidth = PageWidth - Left - Right;
        private const float BodySize = 11.5f, TableSize = 8.5f;

        private readonly SKDocument _document;
        private readonly SKTypeface _typeface;
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = new SKColor(0x66, 0x66, 0x66), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        private SKCanvas? _canvas;
        private int _page;
        private float _y;

        public Writer(Stream stream, string title, SKTypeface typeface)
        {
            _typeface = typeface;
            _document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
            {
                Title = title, Creator = "执法监督平台", Producer = "执法监督平台", RasterDpi = 150,
                Creation = DateTime.Now, Modified = DateTime.Now,
            });
            NewPage();
        }

        public void Title(string text)
        {
            using var font = Font(19, bold: true);
            foreach (var line in Wrap(text, font, ContentWidth, 0))
                Line(line, font, 19 * 1.6f, SKTextAlign.Center);
            _y += 14;
        }

        public void Heading(string text, int level)
        {
            var size = level == 1 ? 14f : 12.5f;
            using var font = Font(size, bold: level == 1);
            _y += level == 1 ? 8 : 4;
            Ensure(size * 1.7f * 2); // keep a heading with the line after it
            foreach (var line in Wrap(text, font, ContentWidth - 2 * BodySize, 0))
                Line(line, font, size * 1.7f, SKTextAlign.Left, 2 * BodySize);
        }

        public void Paragraph(string text, bool small = false)
        {
            var size = small ? 9.5f : BodySize;
            using var font = Font(size);
            var lines = Wrap(text, font, ContentWidth, 2 * size);
            for (var i = 0; i < lines.Count; i++)
                Line(lines[i], font, size * 1.75f, SKTextAlign.Left, i == 0 ? 2 * size : 0);
            _y += 3;
        }

        public void Table(ReportTable table)
        {
            using var font = Font(TableSize);
            using var bold = Font(TableSize, bold: true);
            if (table.Caption.Length > 0)
            {
                using var caption = Font(10, bold: true);
                Ensure(60);
                Line(table.Caption, caption, 18, SKTextAlign.Center);
            }
            var total = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => (float)(c.Width / total) * ContentWidth).ToArray();
            var header = table.Columns.Select(c => c.Header).ToList();
            Ensure(TableSize * 1.45f * 4 + 12); // the header with at least one row under it
            Row(header, widths, bold, table.Columns, header: true);
            foreach (var row in table.Rows)
            {
                var cells = row.Select(c => c.Text).ToList();
                if (_y + RowHeight(cells, widths, font) > PageHeight - Bottom)
                {
                    NewPage();
                    Row(header, widths, bold, table.Columns, header: true);
                }
                Row(cells, widths, font, table.Columns, header: false);
            }
            _y += 10;
        }

        public void Image(byte[] png, string caption)
        {
            using var image = SKImage.FromEncodedData(png);
            var height = ContentWidth * image.Height / image.Width;
            Ensure(height + 26);
            _canvas!.DrawImage(image, SKRect.Create(Left, _y, ContentWidth, height), new SKSamplingOptions(SKFilterMode.Linear));
            _y += height + 4;
            using var font = Font(10);
            Line(caption, font, 18, SKTextAlign.Center);
            _y += 6;
        }

        private const float CellPadding = 3, TableLine = TableSize * 1.45f;

        private static float RowHeight(IReadOnlyList<string> cells, float[] widths, SKFont font) =>
            cells.Select((text, i) => Wrap(text, font, widths[i] - 2 * CellPadding, 0).Count).Max() * TableLine + 2 * CellPadding;

        private void Row(IReadOnlyList<string> cells, float[] widths, SKFont font, IReadOnlyList<ReportColumn> columns, bool header)
        {
            const float pad = CellPadding;
            var lineHeight = TableLine;
            var wrapped = cells.Select((text, i) => Wrap(text, font, widths[i] - 2 * pad, 0)).ToList();
            var height = wrapped.Max(w => Math.Max(1, w.Count)) * lineHeight + 2 * pad;
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                _canvas!.DrawRect(x, _y, widths[i], height, _rule);
                var align = header ? SKTextAlign.Center : columns[i].Kind == ReportColumnKind.Number ? SKTextAlign.Right : SKTextAlign.Left;
                var tx = align switch { SKTextAlign.Center => x + widths[i] / 2, SKTextAlign.Right => x + widths[i] - pad, _ => x + pad };
                for (var l = 0; l < wrapped[i].Count; l++)
                    Text(_canvas, wrapped[i][l], tx, _y + pad + l * lineHeight + TableSize * 1.15f, align, font, _ink);
                x += widths[i];
            }
            _y += height;
        }

        private void Line(string text, SKFont font, float height, SKTextAlign align, float indent = 0)
        {
            Ensure(height);
            var x = align == SKTextAlign.Center ? Left + ContentWidth / 2 : Left + indent;
            Text(_canvas!, text, x, _y + height * 0.72f, align, font, _ink);
            _y += height;
        }

        private void Ensure(float height)
        {
            if (_y + height > PageHeight - Bottom)
                NewPage();
        }

        private void NewPage()
        {
            EndPage();
            _canvas = _document.BeginPage(PageWidth, PageHeight);
            _page++;
            _y = Top;
        }

        private void EndPage()
        {
            if (_canvas is null)
                return;
            using var font = Font(10);
            Text(_canvas, $"— {_page.ToString(CultureInfo.InvariantCulture)} —", PageWidth / 2, PageHeight - 40, SKTextAlign.Center, font, _ink);
            _document.EndPage();
            _canvas = null;
        }

        private SKFont Font(float size, bool bold = false) => new(_typeface, size) { Embolden = bold, Subpixel = true };

        public void Dispose()
        {
            EndPage();
            _document.Close();
            _document.Dispose();
            _ink.Dispose();
            _rule.Dispose();
        }
    }

    /// <summary>
    /// Draws a line of text as a run that carries its UTF-8 text and clusters. The font's Unicode map sends a glyph that
    /// several characters share to the lowest of them (行 is drawn with the glyph of the radical ⾏, U+2F8F), so a
    /// reader would copy ⾏政; with the text attached Skia writes an /ActualText span and readers copy 行政.
    /// </summary>
    internal static void Text(SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
    {
        if (text.Length == 0)
            return;
        var glyphs = font.GetGlyphs(text);
        var widths = font.GetGlyphWidths(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var total = widths.Sum();
        var start = align switch { SKTextAlign.Center => x - total / 2, SKTextAlign.Right => x - total, _ => x };
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalTextRun(font, glyphs.Length, y, utf8.Length);
        var positions = new float[glyphs.Length];
        var clusters = new uint[glyphs.Length];
        float advance = 0;
        int glyph = 0, offset = 0;
        for (var i = 0; i < text.Length && glyph < glyphs.Length; i++)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            positions[glyph] = start + advance;
            clusters[glyph] = (uint)offset;
            advance += widths[glyph];
            offset += Encoding.UTF8.GetByteCount(text.AsSpan(i, length));
            i += length - 1;
            glyph++;
        }
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        canvas.DrawText(blob, 0, 0, paint);
    }

    /// <summary>
    /// Breaks text into lines of at most <paramref name="width"/>: between Chinese characters anywhere, never inside a
    /// run of Latin letters and digits (31065, 27.1%), and never before closing punctuation.
    /// </summary>
    internal static List<string> Wrap(string text, SKFont font, float width, float firstIndent)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        float used = 0, room = width - firstIndent;
        foreach (var token in Tokens(text))
        {
            var w = font.MeasureText(token);
            if (used + w > room && line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
                room = width;
            }
            if (w > room)
            {
                // A token wider than a whole line (a long number list without breaks): cut it by characters.
                foreach (var ch in token)
                {
                    var cw = font.MeasureText(ch.ToString());
                    if (used + cw > room && line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        used = 0;
                        room = width;
                    }
                    line.Append(ch);
                    used += cw;
                }
                continue;
            }
            line.Append(token);
            used += w;
        }
        if (line.Length > 0 || lines.Count == 0)
            lines.Add(line.ToString());
        return lines;
    }

    private const string Closing = ",。、;:)》」』”’!?,.;:)%";

    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        foreach (var ch in text)
        {
            var latin = ch < 0x80 && (char.IsLetterOrDigit(ch) || ch is '.' or '%' or '-' or '+' or '_' or '/' or '—');
            var previousLatin = token.Length > 0 && token[^1] < 0x80 && (char.IsLetterOrDigit(token[^1]) || token[^1] is '.' or '%' or '-' or '+' or '_' or '/');
            if (token.Length > 0 && !(Closing.Contains(ch, StringComparison.Ordinal) || (latin && previousLatin)))
            {
                yield return token.ToString();
                token.Clear();
            }
            token.Append(ch);
        }
        if (token.Length > 0)
            yield return token.ToString();
    }
}
