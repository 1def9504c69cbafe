using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zhifa.Data.Statistics;

/// <summary>
/// The JSON form of <see cref="SupervisionFigures"/>: exactly the keys of statistics.md, in its order, with rates as
/// numbers of at most four decimals and fines as a string with two (cli.md, api.md).
/// </summary>
public static class FiguresJson
{
    public static string Write(SupervisionFigures f, bool annual)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   IndentSize = 1,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartObject();
            if (annual)
                w.WriteNumber("year", f.Period.From.Year);
            else
            {
                w.WriteString("from", f.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("to", f.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            w.WriteString("region", f.Region);
            if (f.Scope.AgencyCode is { } agency)
                w.WriteString("agency", agency);
            w.WriteNumber("agencies", f.Agencies);
            w.WriteNumber("certifiedOfficers", f.CertifiedOfficers);
            w.WriteNumber("legalReviewers", f.LegalReviewers);
            w.WriteNumber("newCertificates", f.NewCertificates);
            w.WriteNumber("revokedCertificates", f.RevokedCertificates);
            w.WritePropertyName("cases");
            WriteCounts(w, f.Cases);
            w.WriteStartObject("byAgencyCategory");
            foreach (var (category, counts) in f.ByAgencyCategory)
            {
                w.WritePropertyName(category);
                WriteCounts(w, counts);
            }
            w.WriteEndObject();
            w.WriteNumber("previousYearCases", f.PreviousYearCases);
            WriteRate(w, "yoyCaseGrowth", f.YoyCaseGrowth);
            WriteRate(w, "officerParticipationRate", f.OfficerParticipationRate);
            WriteRate(w, "agencyEnforcementRate", f.AgencyEnforcementRate);
            WriteRate(w, "powerExerciseRate", f.PowerExerciseRate);
            w.WriteStartArray("zeroEnforcementMonths");
            foreach (var z in f.ZeroEnforcementMonths)
            {
                w.WriteStartObject();
                w.WriteString("agency", z.Agency);
                w.WriteString("month", z.Month);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteList(w, "overduePenaltyCases", f.OverduePenaltyCases);
            WriteList(w, "latePublicity", f.LatePublicity);
            WriteList(w, "unpublishedDecisions", f.UnpublishedDecisions);
            w.WriteString("fines", FormatFen(f.FinesFen));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string FormatFen(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static void WriteCounts(Utf8JsonWriter w, CaseCounts c)
    {
        w.WriteStartObject();
        w.WriteNumber("total", c.Total);
        w.WriteNumber("inspection", c.Inspection);
        w.WriteNumber("penalty", c.Penalty);
        w.WriteNumber("other", c.Other);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
            w.WriteStringValue(i);
        w.WriteEndArray();
    }

    /// <summary>A rate keeps a decimal point (1.0, 0.271) so readers see a fraction, not a count.</summary>
    private static void WriteRate(Utf8JsonWriter w, string name, double? value)
    {
        if (value is not { } v)
        {
            w.WriteNull(name);
            return;
        }
        var text = v.ToString("0.0###", CultureInfo.InvariantCulture);
        w.WritePropertyName(name);
        w.WriteRawValue(text);
    }
}
