using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// Evidence files of a penalty case's evidence items (ADR-013): the case page's 调查取证 form stores the files it is sent
/// (SHA-256 and size, an <c>evidence.added</c> entry each) and attaches them to the item it records; the page lists them
/// under their item with a download; a file over the configured limit is refused naming the field; another agency's
/// officer can neither read nor attach. Through the API, <c>evidenceFileIds</c> attaches uploaded files.
/// </summary>
public abstract class EvidenceFilesTests
{
    protected abstract Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null);

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. "现场照片：货架上的过期牛奶"u8.ToArray()];
    private static readonly byte[] Transcript = "%PDF-1.4 询问笔录"u8.ToArray();

    private static Task<HttpClient> SignedInAsync(PenaltyTestBed bed, string user) =>
        PageClient.SignedInAsync(new Uri(bed.App.Urls.First()), user, bed.Password(user));

    private static async Task<HttpResponseMessage> PostEvidenceFormAsync(HttpClient client, long caseId, long version, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var token = await PageClient.TokenAsync(client, $"/penalty-cases/{caseId}");
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
                 {
                     ("__RequestVerificationToken", token), ("Input.Step", "record-evidence"), ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     ("Input.Kind", "AudioVisual"), ("Input.Description", "现场照片和询问笔录"), ("Input.CollectedOn", "2024-05-08"),
                     ("Input.Collectors", "A001"), ("Input.Collectors", "A002"),
                 })
            form.Add(new StringContent(value), key);
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "Input.Files", name);
        }
        return await client.PostAsync($"/penalty-cases/{caseId}", form);
    }

    [Fact]
    public async Task EvidenceForm_WithFiles_StoresAndAttachesThemAndThePageListsThemForDownload()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        using var officer = await SignedInAsync(bed, "A001");

        var posted = await PostEvidenceFormAsync(officer, c.Id, c.Version, ("现场照片.jpg", "image/jpeg", Photo), ("询问笔录.pdf", "application/pdf", Transcript));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var files = await bed.QueryAsync<(long Id, string FileName, string Kind, long Size, string Sha256, long? EvidenceItem)>(
            "SELECT id, file_name, kind, size, sha256, evidence_item FROM evidence_files WHERE case_id = @id ORDER BY id", new { id = c.Id });
        files.Select(f => (f.FileName, f.Kind, f.Size, f.EvidenceItem)).ShouldBe([("现场照片.jpg", "Photo", Photo.Length, 1L), ("询问笔录.pdf", "Document", Transcript.Length, 1L)]);
        files[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Photo)));
        var view = (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json;
        view.GetProperty("evidence")[0].GetProperty("fileSha256").GetString().ShouldBe(files[0].Sha256);
        var listed = (await bed.GetAsync("A002", $"/api/v1/cases/{c.Id}/evidence")).Ok().Json.GetProperty("items");
        listed.EnumerateArray().Select(f => f.GetProperty("evidenceItem").GetInt32()).ShouldBe([1, 1]);
        (await bed.QueryAsync<string>("SELECT kind FROM record_entries WHERE chain_key = @id ORDER BY sequence", new { id = c.Id }))
            .ShouldBe(["penalty.file", "evidence.added", "evidence.added", "penalty.record-evidence"]);

        var page = await officer.GetStringAsync($"/penalty-cases/{c.Id}");
        page.ShouldContain("证据文件");
        page.ShouldContain($"/penalty-cases/{c.Id}?handler=Evidence&amp;file={files[0].Id}\">现场照片.jpg</a>");
        page.ShouldContain("询问笔录.pdf");
        var download = await officer.GetAsync($"/penalty-cases/{c.Id}?handler=Evidence&file={files[0].Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Photo);
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task EvidenceForm_FileOverTheConfiguredLimit_IsRefusedNamingTheFieldAndStoresNothing()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?> { ["ZHIFA_EVIDENCE_MAX_MB"] = "1" });
        var c = await CaseDriver.FileAsync(bed);
        using var officer = await SignedInAsync(bed, "A001");
        var large = new byte[1024 * 1024 + 1];

        var posted = await PostEvidenceFormAsync(officer, c.Id, c.Version, ("执法记录仪.mp4", "video/mp4", large), ("现场照片.jpg", "image/jpeg", Photo));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        html.ShouldContain("data-valmsg-for=\"Input.Files\">证据文件\"执法记录仪.mp4\"超过大小上限 1 MB,未保存");
        html.ShouldContain("data-max-bytes=\"1048576\""); // the browser checks the same limit before sending
        (await bed.ScalarAsync<long>("SELECT count(*) FROM evidence_files")).ShouldBe(0);
        (await bed.ScalarAsync<string>("SELECT stage FROM penalty_cases WHERE id = @id", new { id = c.Id })).ShouldBe("Filed");
    }

    [Fact]
    public async Task EvidenceForm_RefusedStep_KeepsTheStoredFilesAndAttachesThemOnTheNextSubmit()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        using var officer = await SignedInAsync(bed, "A001");
        var token = await PageClient.TokenAsync(officer, $"/penalty-cases/{c.Id}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("record-evidence"), "Input.Step" },
            { new StringContent(c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Version" },
            { new StringContent("AudioVisual"), "Input.Kind" }, { new StringContent("现场照片"), "Input.Description" },
            { new StringContent("2024-05-08"), "Input.CollectedOn" }, { new StringContent("A001"), "Input.Collectors" }, // one collector: refused
        };
        form.Add(new ByteArrayContent(Photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "Input.Files", "现场照片.jpg");

        var refused = await officer.PostAsync($"/penalty-cases/{c.Id}", form);

        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("第四十二条");
        var stored = await bed.ScalarAsync<long>("SELECT id FROM evidence_files WHERE case_id = @id", new { id = c.Id });
        html.ShouldContain($"name=\"Input.UploadedFileIds\" value=\"{stored}\"");
        html.ShouldContain("现场照片.jpg");

        var again = await officer.PostAsync($"/penalty-cases/{c.Id}", PageClient.Form(PageClient.Token(html),
            ("Input.Step", "record-evidence"), ("Input.Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Kind", "AudioVisual"), ("Input.Description", "现场照片"), ("Input.CollectedOn", "2024-05-08"),
            ("Input.Collectors", "A001"), ("Input.Collectors", "A002"), ("Input.UploadedFileIds", stored.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await bed.QueryAsync<long?>("SELECT evidence_item FROM evidence_files WHERE case_id = @id", new { id = c.Id })).ShouldBe([1L]);
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_CanNeitherAttachNorReadTheFiles()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        using var officer = await SignedInAsync(bed, "A001");
        (await PostEvidenceFormAsync(officer, c.Id, c.Version, ("现场照片.jpg", "image/jpeg", Photo))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fileId = await bed.ScalarAsync<long>("SELECT id FROM evidence_files WHERE case_id = @id", new { id = c.Id });
        using var other = await SignedInAsync(bed, "B001");
        var token = await PageClient.TokenAsync(other, "/penalty-cases");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("record-evidence"), "Input.Step" },
            { new StringContent("2"), "Input.Version" }, { new StringContent("他人的照片"), "Input.Description" },
        };
        form.Add(new ByteArrayContent(Photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "Input.Files", "他人的照片.jpg");

        (await other.PostAsync($"/penalty-cases/{c.Id}", form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/penalty-cases/{c.Id}?handler=Evidence&file={fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bed.GetAsync("B001", $"/api/v1/cases/{c.Id}/evidence")).Is(HttpStatusCode.NotFound);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM evidence_files")).ShouldBe(1);
    }

    [Fact]
    public async Task Api_RecordEvidenceWithUploadedFileIds_AttachesThemOnceOnly()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        var client = await bed.As("A001");
        var ids = new List<long>();
        foreach (var (name, bytes) in new[] { ("现场照片.jpg", Photo), ("询问笔录.pdf", Transcript) })
        {
            using var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent("photo"), "kind" } };
            var uploaded = await Reply.ReadAsync(await client.PostAsync($"/api/v1/cases/{c.Id}/evidence", upload));
            ids.Add(uploaded.Is(HttpStatusCode.Created).Id);
        }

        var recorded = await c.StepAsync("A001", "record-evidence", new
        {
            kind = "视听资料", description = "现场照片和询问笔录", collectedOn = "2024-05-08", collectors = new[] { "A001", "A002" }, evidenceFileIds = ids,
        });
        var twice = await c.StepAsync("A001", "record-evidence", new
        {
            kind = "书证", description = "再次附上询问笔录", collectedOn = "2024-05-08", collectors = new[] { "A001", "A002" }, evidenceFileIds = new[] { ids[1] },
        }, HttpStatusCode.BadRequest);

        recorded.Json.GetProperty("evidence")[0].GetProperty("fileSha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Photo)));
        (await bed.QueryAsync<long?>("SELECT evidence_item FROM evidence_files WHERE case_id = @id ORDER BY id", new { id = c.Id })).ShouldBe([1L, 1L]);
        twice.Json.GetProperty("errors").GetProperty("evidenceFileIds")[0].GetString()!.ShouldContain("已附于第 1 项证据");
    }
}

public sealed class SqliteEvidenceFilesTests : EvidenceFilesTests
{
    protected override Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => PenaltyTestBed.StartAsync(null, settings);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresEvidenceFilesTests(PostgresServer server) : EvidenceFilesTests
{
    protected override Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => PenaltyTestBed.StartAsync(server, settings);
}
