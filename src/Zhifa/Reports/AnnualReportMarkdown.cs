using Zhifa.Data.Statistics;

namespace Zhifa.Reports;

/// <summary>Placeholder replaced below.</summary>
public static class AnnualReportMarkdown
{
    public static string Write(SupervisionFigures f, SupervisionFigures? previous) => "";
}
