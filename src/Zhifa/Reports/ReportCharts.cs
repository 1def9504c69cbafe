using System.Globalization;
using SkiaSharp;

namespace Zhifa.Reports;

/// <summary>
/// Draws a <see cref="ReportChart"/> as a PNG with SkiaSharp: columns with a value over each (months, case types) or
/// horizontal bars largest first (agencies ranked). 1600 px wide, so it stays sharp at the 15 cm of a Word page.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1600;

    private static readonly SKColor Bar = new(0x2f, 0x5d, 0x9e);
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Grid = new(0xdd, 0xdd, 0xdd);

    public static byte[] Png(ReportChart chart, SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var height = chart.Kind == ReportChartKind.Ranking ? Math.Max(300, 80 + chart.Points.Count * 56) : 800;
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(typeface, 30);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        if (chart.Points.Count == 0 || chart.Points.All(p => p.Value <= 0))
            canvas.DrawText("无数据", Width / 2f, height / 2f, SKTextAlign.Center, font, ink);
        else if (chart.Kind == ReportChartKind.Ranking)
            Ranking(canvas, chart, font, ink);
        else
            Columns(canvas, chart, height, font, ink);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Columns(SKCanvas canvas, ReportChart chart, int height, SKFont font, SKPaint ink)
    {
        const float left = 140, right = 40, top = 70, bottom = 90;
        var plotHeight = height - top - bottom;
        var (step, max) = Scale(chart.Points.Max(p => p.Value));
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 2 };
        using var bar = new SKPaint { Color = Bar, IsAntialias = true };
        for (var v = 0.0; v <= max + step / 2; v += step)
        {
            var y = top + plotHeight - (float)(v / max) * plotHeight;
            canvas.DrawLine(left, y, Width - right, y, grid);
            canvas.DrawText(Number(v), left - 14, y + 10, SKTextAlign.Right, font, ink);
        }
        canvas.DrawText(chart.Unit, left - 14, top - 30, SKTextAlign.Right, font, ink);
        var slot = (Width - left - right) / chart.Points.Count;
        var barWidth = slot * 0.6f;
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var p = chart.Points[i];
            var x = left + slot * i + (slot - barWidth) / 2;
            var h = (float)(p.Value / max) * plotHeight;
            canvas.DrawRect(x, top + plotHeight - h, barWidth, h, bar);
            canvas.DrawText(Number(p.Value), x + barWidth / 2, top + plotHeight - h - 10, SKTextAlign.Center, font, ink);
            canvas.DrawText(Fit(p.Label, slot - 8, font), x + barWidth / 2, top + plotHeight + 42, SKTextAlign.Center, font, ink);
        }
    }

    private static void Ranking(SKCanvas canvas, ReportChart chart, SKFont font, SKPaint ink)
    {
        const float top = 40, rowHeight = 56, right = 160;
        var labelWidth = Math.Min(560, chart.Points.Max(p => font.MeasureText(p.Label)) + 30);
        var left = labelWidth + 20;
        var max = chart.Points.Max(p => p.Value);
        using var bar = new SKPaint { Color = Bar, IsAntialias = true };
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var p = chart.Points[i];
            var y = top + i * rowHeight;
            var w = (float)(p.Value / max) * (Width - left - right);
            canvas.DrawText(Fit(p.Label, labelWidth - 10, font), left - 20, y + 38, SKTextAlign.Right, font, ink);
            canvas.DrawRect(left, y + 8, w, rowHeight - 16, bar);
            canvas.DrawText(Number(p.Value), left + w + 12, y + 38, SKTextAlign.Left, font, ink);
        }
    }

    /// <summary>An axis step of 1, 2 or 5 times a power of ten giving about five lines, and the top of the axis.</summary>
    private static (double Step, double Max) Scale(double max)
    {
        var raw = Math.Max(max, 1) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;
        step = Math.Max(step, 1);
        return (step, Math.Ceiling(max / step) * step);
    }

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The label, cut with … when wider than the room under or beside its bar.</summary>
    private static string Fit(string label, float width, SKFont font)
    {
        if (font.MeasureText(label) <= width)
            return label;
        var cut = label;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
            cut = cut[..^1];
        return cut + "…";
    }
}
