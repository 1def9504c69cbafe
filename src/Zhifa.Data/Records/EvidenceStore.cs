using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Zhifa.Data.Storage;
using Zhifa.Domain.Common;

namespace Zhifa.Data.Records;

/// <summary>Where a saved file went: its storage key, SHA-256 (lowercase hex) and size in bytes.</summary>
public sealed record StoredBlob(string StorageKey, string Sha256, long Size);

/// <summary>Keeps the bytes of evidence files. The database keeps what they must be (size, SHA-256).</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the stream; refuses an empty file or one over the configured size limit (Chinese error).</summary>
    Task<Result<StoredBlob>> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The stored bytes, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string storageKey, CancellationToken ct = default);

    Task<bool> ExistsAsync(string storageKey, CancellationToken ct = default);
}

/// <summary>
/// Where evidence files live and how large one may be. Configured with <c>ZHIFA_EVIDENCE_DIR</c> and
/// <c>ZHIFA_EVIDENCE_MAX_MB</c> (environment or host configuration) or <c>--evidence-dir</c>. Without a folder: the
/// folder <c>evidence</c> beside the SQLite file, or <c>./data/evidence</c> for PostgreSQL.
/// </summary>
public sealed record EvidenceStoreOptions(string Folder, long MaxBytes)
{
    public const string FolderSetting = "ZHIFA_EVIDENCE_DIR";
    public const string MaxMegabytesSetting = "ZHIFA_EVIDENCE_MAX_MB";

    /// <summary>2 GiB: about an hour of a body camera's video.</summary>
    public const long DefaultMaxMegabytes = 2048;

    public static EvidenceStoreOptions For(DatabaseTarget target, string? folder, string? maxMegabytes)
    {
        if (string.IsNullOrWhiteSpace(folder))
            folder = target.Provider == DatabaseProvider.Sqlite
                ? Path.Combine(Path.GetDirectoryName(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource) ?? ".", "evidence")
                : Path.Combine("data", "evidence");
        var mb = long.TryParse(maxMegabytes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0
            ? m
            : DefaultMaxMegabytes;
        return new EvidenceStoreOptions(Path.GetFullPath(folder), mb * 1024 * 1024);
    }
}

public static class EvidenceHashing
{
    /// <summary>SHA-256 (lowercase hex) and length of a stream read to its end, a buffer at a time.</summary>
    public static async Task<(string Sha256, long Size)> Sha256Async(Stream s, CancellationToken ct = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await s.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public static async Task<(string Sha256, long Size)> Sha256Async(string path, CancellationToken ct = default)
    {
        await using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await Sha256Async(s, ct);
    }
}
