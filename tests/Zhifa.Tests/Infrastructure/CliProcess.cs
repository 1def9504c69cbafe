using System.Diagnostics;
using System.Text;

namespace Zhifa.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the real <c>zhifa</c> executable (built next to the tests) as a separate process.</summary>
public static class CliProcess
{
    public static async Task<CliResult> RunAsync(string db, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zhifa.dll"));
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(db);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment.Remove("ZHIFA_DB");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(cts.Token);
        return new CliResult(p.ExitCode, await stdout, await stderr);
    }
}
