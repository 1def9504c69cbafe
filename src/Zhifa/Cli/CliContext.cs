using Zhifa.Data.Storage;

namespace Zhifa.Cli;

/// <summary>Writes the one-line Chinese errors of cli.md and maps them to exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Internal = 1;
    public const int BadInput = 2;
    public const int AuditBroken = 3;
}

internal static class CliOutput
{
    public static int Fail(string message, int code = ExitCodes.BadInput)
    {
        Console.Error.WriteLine(message);
        return code;
    }

    /// <summary>Resolves --db / ZHIFA_DB; null (after printing why) when the target is unusable.</summary>
    public static DatabaseTarget? Target(string? option)
    {
        var target = DatabaseTarget.Parse(option ?? Environment.GetEnvironmentVariable("ZHIFA_DB"), out var error);
        if (error is null)
            return target;
        Fail(error.Message);
        return null;
    }
}
