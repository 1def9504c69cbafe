using System.Text;
using Zhifa.Domain.Common;

namespace Zhifa.Reports;

public enum AnnualReportFormat
{
    Md,
    Docx,
    Xlsx,
    Pdf,
}

/// <summary>A rendered report: the bytes, their media type and a file name for the download.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Renders the report model in each format; the charts (Word, PDF) need the Chinese font of <see cref="ReportFonts"/>.</summary>
public static class AnnualReportFiles
{
    public const string FormatsText = "md、docx、xlsx 或 pdf";

    public static bool TryParse(string? text, out AnnualReportFormat format)
    {
        format = default;
        return text is not null && Enum.TryParse(text.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format)
            && !int.TryParse(text, out _);
    }

    /// <summary>Word, Excel and PDF are binary: they go to a file, never to a terminal.</summary>
    public static bool IsBinary(AnnualReportFormat format) => format != AnnualReportFormat.Md;

    public static Result<ReportFile> Render(ReportDocument report, AnnualReportFormat format, string? fontPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = report.FileStem ?? $"{report.Year}年度行政执法工作报告-{report.ScopeName}";
        switch (format)
        {
            case AnnualReportFormat.Md:
                return new ReportFile(Encoding.UTF8.GetBytes(AnnualReportMarkdown.Write(report) + "\n"), "text/markdown; charset=utf-8", name + ".md");
            case AnnualReportFormat.Xlsx:
                return new ReportFile(AnnualReportXlsx.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        var font = ReportFonts.Find(fontPath);
        if (!font.IsSuccess)
            return font.Error;
        return format == AnnualReportFormat.Docx
            ? new ReportFile(AnnualReportDocx.Write(report, font.Value), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx")
            : new ReportFile(AnnualReportPdf.Write(report, font.Value), "application/pdf", name + ".pdf");
    }
}
