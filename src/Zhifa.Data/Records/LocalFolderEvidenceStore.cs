using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Data.Records;

/// <summary>
/// Evidence files in a local folder, addressed by their SHA-256: <c>&lt;folder&gt;/ab/abcdef…</c> (the key is
/// <c>ab/abcdef…</c>), so uploading the same bytes twice stores them once. A file is written to
/// <c>&lt;folder&gt;/.incoming</c>, flushed to disk and only then renamed into place, so a crash never leaves a
/// half-written file under a key; leftovers in <c>.incoming</c> older than a day are removed.
/// </summary>
public sealed partial class LocalFolderEvidenceStore : IEvidenceStore
{
    private readonly EvidenceStoreOptions _options;
    private readonly string _incoming;

    public LocalFolderEvidenceStore(EvidenceStoreOptions options)
    {
        _options = options;
        _incoming = Path.Combine(options.Folder, ".incoming");
    }

    public string Folder => _options.Folder;

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();

    public async Task<Result<StoredBlob>> SaveAsync(Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(_incoming);
        RemoveStaleIncoming();
        var temp = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            string sha256;
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > _options.MaxBytes)
                        return new DomainError("evidence.too_large",
                            $"证据文件超过大小上限 {_options.MaxBytes / (1024 * 1024)} MB,未保存。请压缩或分段后再上传,或请管理员调整 {EvidenceStoreOptions.MaxMegabytesSetting}");
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size == 0)
                    return new DomainError("evidence.empty", "证据文件为空,未保存。请选择有内容的文件");
                file.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var key = $"{sha256[..2]}/{sha256}";
            var path = PathOf(key);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // The same bytes arrived at the same moment from another upload: one copy is enough.
                }
            }
            return new StoredBlob(key, sha256, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken ct = default)
    {
        if (!KeyPattern().IsMatch(storageKey))
            return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string storageKey, CancellationToken ct = default) =>
        Task.FromResult(KeyPattern().IsMatch(storageKey) && File.Exists(PathOf(storageKey)));

    /// <summary>The file of a key (keys are checked against the pattern first: no path can escape the folder).</summary>
    public string PathOf(string storageKey) => Path.Combine(_options.Folder, storageKey[..2], storageKey[3..]);

    private void RemoveStaleIncoming()
    {
        var cutoff = DateTime.UtcNow.AddDays(-1);
        foreach (var f in Directory.EnumerateFiles(_incoming, "*.part"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(f) < cutoff)
                    File.Delete(f);
            }
            catch (IOException)
            {
                // Another process is cleaning up too.
            }
        }
    }
}
