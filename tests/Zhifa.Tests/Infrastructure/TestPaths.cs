namespace Zhifa.Tests.Infrastructure;

/// <summary>Locations of the repository and of shared/ beside it (CI clones the repo next to shared/).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string HedongFixture => Path.Combine(Shared, "fixtures", "hedong-2023");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Zhifa.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary directory, removed by the caller's Dispose.</summary>
    public static TempDirectory NewTempDirectory() => new();
}

public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zhifa-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a pooled connection is removed with the OS temp directory
        }
    }
}
