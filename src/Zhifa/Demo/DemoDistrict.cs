using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Domain.Calendar;

namespace Zhifa.Demo;

/// <summary>What the demo district holds after <see cref="DemoDistrict.CreateAsync"/>.</summary>
public sealed record DemoResult(int Agencies, int Powers, int Officers, int Cases, int Inspections, int Penalties, int OtherCases,
    DateOnly From, DateOnly To);

/// <summary>
/// The demo district 演示区 (region code 120199) that <c>zhifa serve</c> creates on an empty database, so that a
/// newcomer sees a living platform at once: about twenty agencies, three hundred officers and two years of cases.
/// The data goes through the product's own import path: the generator writes the four exchange-format files to a
/// temporary folder and <see cref="ExchangeImporter"/> checks every rule before anything is written; a few inspections
/// are then recorded through the inspection service (<see cref="DemoInspections"/>) and penalty cases in every stage
/// through the penalty-case service (<see cref="DemoPenaltyCases"/>).
/// </summary>
public static class DemoDistrict
{
    /// <summary>
    /// Generates the demo district for the previous full year and the current year up to <paramref name="today"/>
    /// (deterministic for a seed and a day) and imports it. Throws <see cref="InvalidOperationException"/> with the
    /// import errors when the import refuses anything — a generator bug, or a database that already holds the demo.
    /// </summary>
    public static async Task<DemoResult> CreateAsync(DatabaseTarget target, DateOnly today, int casesPerYear = 3000, int seed = 20240101,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(casesPerYear);
        var tables = new DemoGenerator(seed, today, WorkingDayCalendar.CreateDefault()).Generate(casesPerYear);

        var folder = Path.Combine(Path.GetTempPath(), "zhifa-demo-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            await WriteCsvAsync(Path.Combine(folder, "agencies.csv"), tables.Agencies, ct);
            await WriteCsvAsync(Path.Combine(folder, "powers.csv"), tables.Powers, ct);
            await WriteCsvAsync(Path.Combine(folder, "officers.csv"), tables.Officers, ct);
            await WriteCsvAsync(Path.Combine(folder, "cases.csv"), tables.Cases, ct);

            var errors = new ListErrorSink();
            var importer = new ExchangeImporter(target, new ImportOptions { Actor = "demo" }, TimeProvider.System);
            var outcome = await importer.RunAsync(folder, errors, null, ct);
            if (!outcome.Committed)
            {
                var shown = errors.Errors.Take(20).Select(e => e.ToString());
                var more = errors.Count > 20 ? $"\n……共 {errors.Count} 处错误" : "";
                throw new InvalidOperationException($"演示数据导入失败,未写入任何数据:\n{string.Join('\n', shown)}{more}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // left to the OS temp cleaner
            }
        }
        // A few inspections go through the inspection service itself, so the demo shows its pages, record and follow-ups.
        var recorded = await DemoInspections.RecordAsync(target, today, ct);
        // Penalty cases in every stage go through the penalty-case service, so the case pages and the workbench have work to show.
        await DemoPenaltyCases.RecordAsync(target, today, ct);
        await using var db = target.CreateContext();
        var penalties = await db.PenaltyCases.CountAsync(ct); // with the one the inspection referral filed
        return new DemoResult(tables.Agencies.Count - 1, tables.Powers.Count - 1, tables.Officers.Count - 1,
            tables.Cases.Count - 1 + recorded + penalties, tables.Inspections + recorded, tables.Penalties + penalties, tables.Others,
            new DateOnly(today.Year - 1, 1, 1), today);
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; UTF-8 without BOM.</summary>
    private static async Task WriteCsvAsync(string path, List<string?[]> rows, CancellationToken ct)
    {
        await using var w = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        w.NewLine = "\r\n";
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                    line.Append(',');
                var v = row[i] ?? "";
                if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                    line.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                else
                    line.Append(v);
            }
            await w.WriteLineAsync(line, ct);
        }
    }
}
