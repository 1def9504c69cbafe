using System.Globalization;
using System.Text;

namespace Zhifa.Reports;

/// <summary>
/// The annual report in Markdown: headings, paragraphs and pipe tables; a chart is written as the table of its
/// figures, so the text needs neither image files nor a font.
/// </summary>
public static class AnnualReportMarkdown
{
    public static string Write(ReportDocument report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {report.Title}");
        foreach (var section in report.Sections)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {section.Heading}");
            foreach (var block in section.Blocks)
            {
                sb.AppendLine();
                Block(block, sb);
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A rate as a percentage: 0.2712 → 27.12%, none → —.</summary>
    public static string Percent(double? rate) => AnnualReportBuilder.Percent(rate);

    private static void Block(ReportBlock block, StringBuilder sb)
    {
        switch (block)
        {
            case ReportParagraph p:
                sb.AppendLine(p.Text);
                break;
            case ReportNote n:
                sb.AppendLine(n.Text);
                break;
            case ReportHeading h:
                sb.AppendLine(CultureInfo.InvariantCulture, $"{new string('#', h.Level + 1)} {h.Text}");
                break;
            case ReportList l:
                foreach (var item in l.Items)
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {item}");
                break;
            case ReportTable t:
                if (t.Caption.Length > 0)
                    sb.AppendLine(CultureInfo.InvariantCulture, $"**{t.Caption}**").AppendLine();
                Table(t.Columns, t.Rows, sb);
                break;
            case ReportChart c:
                sb.AppendLine(CultureInfo.InvariantCulture, $"**{c.Caption}**").AppendLine();
                if (c.Points.Count == 0)
                    sb.AppendLine("无数据。");
                else
                    Table([new ReportColumn(c.Kind == ReportChartKind.Ranking ? "执法机关" : "项目"), ReportColumn.Number(c.Unit)],
                        c.Points.Select(p => (IReadOnlyList<ReportCell>)[p.Label, ReportCell.Of(p.Value, p.Value.ToString("0.##", CultureInfo.InvariantCulture))]).ToList(), sb);
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private static void Table(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<ReportCell>> rows, StringBuilder sb)
    {
        sb.AppendLine("| " + string.Join(" | ", columns.Select(c => c.Header)) + " |");
        sb.AppendLine("|" + string.Join("|", columns.Select(c => c.Kind == ReportColumnKind.Number ? "---:" : "---")) + "|");
        foreach (var row in rows)
            sb.AppendLine("| " + string.Join(" | ", row.Select(c => c.Text.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
    }
}
