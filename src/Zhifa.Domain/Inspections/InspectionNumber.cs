using System.Globalization;

namespace Zhifa.Domain.Inspections;

/// <summary>
/// 检查编号: <c>&lt;agency code&gt;-JC-&lt;year&gt;-&lt;six-digit sequence&gt;</c>, e.g. <c>120102001-JC-2026-000123</c>. The agency code
/// makes it unique across the district without a registry; JC (检查) keeps it apart from penalty-document numbers
/// (津东市监罚〔2023〕12号, ADR-005) and from imported numbers; the sequence restarts each year, as case registers do.
/// </summary>
public static class InspectionNumber
{
    /// <summary>cases.number holds at most 64 characters.</summary>
    public const int MaxLength = 64;

    public static string Format(string agencyCode, int year, long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(agencyCode);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        var number = string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-JC-{year:D4}-{sequence:D6}");
        return number.Length <= MaxLength
            ? number
            : throw new ArgumentException($"Agency code {agencyCode} is too long for a case number of {MaxLength} characters.", nameof(agencyCode));
    }
}
