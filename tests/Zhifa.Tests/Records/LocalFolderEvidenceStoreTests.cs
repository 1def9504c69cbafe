using Zhifa.Data.Records;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

public sealed class LocalFolderEvidenceStoreTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    private LocalFolderEvidenceStore Store(long maxBytes = 1024) => new(new EvidenceStoreOptions(_dir.File("evidence"), maxBytes));

    private IEnumerable<string> StoredFiles() => Directory.EnumerateFiles(_dir.File("evidence"), "*", SearchOption.AllDirectories);

    [Fact]
    public async Task Save_StoresUnderTheSha256AndReadsBackTheSameBytes()
    {
        var bytes = "执法记录仪视频"u8.ToArray();

        var saved = (await Store().SaveAsync(new MemoryStream(bytes))).Value;

        saved.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        saved.Size.ShouldBe(bytes.Length);
        saved.StorageKey.ShouldBe($"{saved.Sha256[..2]}/{saved.Sha256}");
        await using var read = (await Store().OpenReadAsync(saved.StorageKey))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
        (await Store().ExistsAsync(saved.StorageKey)).ShouldBeTrue();
    }

    [Fact]
    public async Task Save_WhenOverTheLimit_RefusesInChineseAndLeavesNoFile()
    {
        var result = await Store(maxBytes: 10).SaveAsync(new MemoryStream(new byte[11]));

        result.Error!.Code.ShouldBe("evidence.too_large");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_WhenEmpty_IsRefused()
    {
        (await Store().SaveAsync(new MemoryStream())).Error!.Code.ShouldBe("evidence.empty");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_WhenTheUploadBreaksOff_LeavesNothingHalfWritten()
    {
        await Should.ThrowAsync<IOException>(() => Store().SaveAsync(new BreaksOffStream(500)));

        StoredFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ab/../../x")]
    [InlineData("AB/ABCDEF")]
    public async Task Open_WithAKeyThatIsNotAHashPath_FindsNothing(string key)
    {
        (await Store().OpenReadAsync(key)).ShouldBeNull();
        (await Store().ExistsAsync(key)).ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A client that disconnects after some bytes.</summary>
    private sealed class BreaksOffStream(int after) : Stream
    {
        private int _sent;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= after)
                throw new IOException("connection reset");
            var n = Math.Min(count, after - _sent);
            _sent += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
