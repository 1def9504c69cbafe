using System.Net;
using System.Text.Json;
using Zhifa.Data.Records;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.Records.EvidenceApi;

namespace Zhifa.Tests.Records;

/// <summary>
/// Issue 3's acceptance of the full-process record: entries and evidence added through the API, <c>zhifa audit verify</c>
/// through the real executable, and every kind of edit made straight in the database or on disk found and named.
/// </summary>
public abstract class RecordAuditTests
{
    protected abstract Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null);

    /// <summary>Case 1号 gets one photo, case 2号 three entries (photo, audio, document): two chains, four entries.</summary>
    private static async Task<(long A1, long A2)> RecordSomeEvidenceAsync(RecordTestBed bed)
    {
        var client = await bed.ClientAsAsync("offA");
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);
        var a2 = await bed.CaseIdAsync(RecordTestBed.CaseA2);
        await UploadOkAsync(client, a1, Bytes("一号案件的照片"));
        await UploadOkAsync(client, a2, Bytes("二号案件的照片"), "门店.jpg", "photo", "门店外景");
        await UploadOkAsync(client, a2, Bytes("二号案件的询问录音"), "询问.m4a", "录音", "询问当事人");
        await UploadOkAsync(client, a2, Bytes("二号案件的现场检查笔录"), "笔录.pdf", "document", "现场检查笔录");
        return (a1, a2);
    }

    [Fact]
    public async Task AuditVerify_WhenEveryChainIsIntact_ExitsZeroWithTheCounts()
    {
        await using var bed = await StartAsync();
        await RecordSomeEvidenceAsync(bed);

        var result = await bed.AuditAsync();

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldBe("全过程记录校验通过:5 条记录,3 条链,证据文件 4 个"); // with the import entry of the bed's data
    }

    [Fact]
    public async Task GetRecord_AfterUploads_ListsEntriesInOrderLinkedByHash()
    {
        await using var bed = await StartAsync();
        var (_, a2) = await RecordSomeEvidenceAsync(bed);
        var client = await bed.ClientAsAsync("offA");

        var record = await AuthJson(await client.GetAsync($"/api/v1/cases/{a2}/record"));

        record.GetProperty("caseNumber").GetString().ShouldBe(RecordTestBed.CaseA2);
        record.GetProperty("verified").GetBoolean().ShouldBeTrue();
        var entries = record.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([1, 2, 3]);
        entries.ShouldAllBe(e => e.GetProperty("verified").GetBoolean() && e.GetProperty("kind").GetString() == "evidence.added"
                                 && e.GetProperty("actor").GetString() == "offA");
        entries[0].GetProperty("previousHash").GetString().ShouldBe(new string('0', 64));
        entries[1].GetProperty("previousHash").GetString().ShouldBe(entries[0].GetProperty("hash").GetString());
        entries[2].GetProperty("previousHash").GetString().ShouldBe(entries[1].GetProperty("hash").GetString());
        entries[1].GetProperty("content").GetProperty("kind").GetString().ShouldBe("audio");
        entries[1].GetProperty("content").GetProperty("sha256").GetString().ShouldBe(Sha256("二号案件的询问录音"));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "update-content", "第 2 条记录(evidence.added)的内容与哈希不符:记录写入后被修改" },
        { "swap-sequences", "第 2 条记录与前一条记录的哈希不衔接:记录被删除、插入或调换了顺序" },
        { "delete-middle", "第 2 条记录缺失(下一条是第 3 条):记录被删除" },
        { "delete-last", "第 3 条记录缺失:链的最后一条记录被删除" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task AuditVerify_WhenAnEntryWasEditedInTheDatabase_ExitsThreeNamingTheEntry(string tampering, string expected)
    {
        await using var bed = await StartAsync();
        var (_, a2) = await RecordSomeEvidenceAsync(bed);
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);

        await bed.DropAppendOnlyTriggersAsync();
        await bed.ExecuteAsync(tampering switch
        {
            "update-content" => "UPDATE record_entries SET content = replace(content, '询问当事人', '询问证人') WHERE chain_key = @a2 AND sequence = 2",
            "swap-sequences" => "UPDATE record_entries SET sequence = -2 WHERE chain_key = @a2 AND sequence = 2; " +
                                "UPDATE record_entries SET sequence = 2 WHERE chain_key = @a2 AND sequence = 3; " +
                                "UPDATE record_entries SET sequence = 3 WHERE chain_key = @a2 AND sequence = -2",
            "delete-middle" => "DELETE FROM record_entries WHERE chain_key = @a2 AND sequence = 2",
            _ => "DELETE FROM record_entries WHERE chain_key = @a2 AND sequence = 3",
        }, new { a2 });
        var result = await bed.AuditAsync();

        result.ExitCode.ShouldBe(3, result.StdOut + result.StdErr);
        result.StdErr.ShouldStartWith($"全过程记录校验失败:案件 {RecordTestBed.CaseA2}(链 {a2}) {expected}");
        var record = await AuthJson(await (await bed.ClientAsAsync("offA")).GetAsync($"/api/v1/cases/{a2}/record"));
        record.GetProperty("verified").GetBoolean().ShouldBeFalse();
        record.GetProperty("break").GetProperty("message").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task AuditVerify_WhenAnEvidenceFileWasOverwrittenOnDisk_ExitsThreeAndDownloadIsRefused()
    {
        await using var bed = await StartAsync();
        var (_, a2) = await RecordSomeEvidenceAsync(bed);
        var id = await bed.ScalarAsync<long>("SELECT id FROM evidence_files WHERE case_id = @a2 AND record_sequence = 2", new { a2 });
        var key = await bed.ScalarAsync<string>("SELECT storage_key FROM evidence_files WHERE id = @id", new { id });

        await File.WriteAllTextAsync(Path.Combine(bed.EvidenceDir, key[..2], key[3..]), "换掉的录音");
        var result = await bed.AuditAsync();

        result.ExitCode.ShouldBe(3, result.StdOut + result.StdErr);
        result.StdErr.ShouldStartWith($"全过程记录校验失败:案件 {RecordTestBed.CaseA2}(链 {a2}) 证据文件 #{id}\"询问.m4a\"(第 2 条记录)已被改动");
        var download = await (await bed.ClientAsAsync("offA")).GetAsync($"/api/v1/cases/{a2}/evidence/{id}/content");
        download.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AuthJson(download)).GetProperty("code").GetString().ShouldBe("evidence.file_changed");
    }

    [Fact]
    public async Task AuditVerify_WhenAnEvidenceFileIsMissingOrItsRowWasEdited_ExitsThree()
    {
        await using var bed = await StartAsync();
        var (a1, a2) = await RecordSomeEvidenceAsync(bed);
        var key = await bed.ScalarAsync<string>("SELECT storage_key FROM evidence_files WHERE case_id = @a1", new { a1 });
        File.Delete(Path.Combine(bed.EvidenceDir, key[..2], key[3..]));

        var missing = await bed.AuditAsync();
        await File.WriteAllTextAsync(Path.Combine(bed.EvidenceDir, key[..2], key[3..]), "一号案件的照片");
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
        await bed.ExecuteAsync("UPDATE evidence_files SET sha256 = @sha, size = 18 WHERE case_id = @a2 AND record_sequence = 3",
            new { sha = Sha256("另一份笔录"), a2 });
        var edited = await bed.AuditAsync();

        missing.ExitCode.ShouldBe(3);
        missing.StdErr.ShouldContain("(第 1 条记录)在证据存储中找不到");
        edited.ExitCode.ShouldBe(3);
        edited.StdErr.ShouldContain("\"笔录.pdf\"(第 3 条记录)的文件名、大小或 SHA-256 与全过程记录不符");
    }

    [Fact]
    public async Task RecordEntries_PlainUpdateOrDelete_IsRefusedByTheDatabase()
    {
        await using var bed = await StartAsync();
        var (a1, _) = await RecordSomeEvidenceAsync(bed);

        var update = await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("UPDATE record_entries SET actor = 'x' WHERE chain_key = @a1", new { a1 }));
        var delete = await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("DELETE FROM record_entries WHERE chain_key = @a1", new { a1 }));

        update.Message.ShouldContain("全过程记录只能追加");
        delete.Message.ShouldContain("全过程记录只能追加");
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Append_ConcurrentlyToOneChain_GivesEachEntryItsOwnPlace()
    {
        await using var bed = await StartAsync();
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(async i =>
        {
            await using var conn = await bed.Target.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            var appended = await CaseRecord.AppendAsync(conn, tx, a1, "penalty.step", "offA", $"{{\"step\":{i}}}", DateTimeOffset.UtcNow);
            appended.IsSuccess.ShouldBeTrue();
            await tx.CommitAsync();
        }));
        var result = await bed.AuditAsync();

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("13 条记录,2 条链"); // and the import entry of the bed's data
        (await bed.ScalarAsync<long>("SELECT max(sequence) FROM record_entries WHERE chain_key = @a1", new { a1 })).ShouldBe(12);
    }

    [Fact]
    public async Task ImportEntry_OfABatch_IsOneEntryOfTheSystemChainNamingEachFileAndItsHash()
    {
        await using var bed = await StartAsync(); // the bed's data came in through ExchangeImporter

        var entries = (await bed.QueryAsync<(long Sequence, string Kind, string Content)>(
            "SELECT sequence, kind, content FROM record_entries WHERE chain_key = 0 ORDER BY sequence")).ToList();
        var intact = await bed.AuditAsync();
        await bed.DropAppendOnlyTriggersAsync();
        await bed.ExecuteAsync("UPDATE record_entries SET content = replace(content, '\"rows\":3', '\"rows\":4') WHERE chain_key = 0");
        var broken = await bed.AuditAsync();

        entries.Count.ShouldBe(1);
        entries[0].Kind.ShouldBe("import");
        using (var content = JsonDocument.Parse(entries[0].Content))
        {
            var files = content.RootElement.GetProperty("files").EnumerateArray().ToList();
            files.Select(f => f.GetProperty("file").GetString()).ShouldBe(["agencies.csv", "powers.csv", "officers.csv", "cases.csv"]);
            var cases = files[3];
            cases.GetProperty("rows").GetInt64().ShouldBe(3);
            cases.GetProperty("sha256").GetString().ShouldBe(Sha256(File.ReadAllText(Path.Combine(bed.ImportFolder, "cases.csv"))));
        }
        intact.StdOut.Trim().ShouldBe("全过程记录校验通过:1 条记录,1 条链,证据文件 0 个");
        broken.ExitCode.ShouldBe(3);
        broken.StdErr.ShouldStartWith("全过程记录校验失败:导入记录(链 0) 第 1 条记录(import)的内容与哈希不符");
    }

    private static Task<JsonElement> AuthJson(HttpResponseMessage response) => Web.AuthApiTests.Json(response);

    internal static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}

public sealed class SqliteRecordAuditTests : RecordAuditTests
{
    protected override Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null) => RecordTestBed.StartAsync(null, maxEvidenceMegabytes);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecordAuditTests(PostgresServer server) : RecordAuditTests
{
    protected override Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null) => RecordTestBed.StartAsync(server, maxEvidenceMegabytes);
}
