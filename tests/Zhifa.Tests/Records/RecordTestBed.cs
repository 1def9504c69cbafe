using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Records;

/// <summary>
/// One fresh database (SQLite or PostgreSQL) per test, with agencies A (AGA: cases 津河市监罚〔2024〕1号 and 2号)
/// and B (AGB: 津河城管罚〔2024〕1号), the real web app over it, accounts and the evidence folder. A test that edits
/// the database behind the platform's back spoils only its own bed.
/// </summary>
public sealed class RecordTestBed : IAsyncDisposable
{
    public const string CaseA1 = "津河市监罚〔2024〕1号";
    public const string CaseA2 = "津河市监罚〔2024〕2号";
    public const string CaseB1 = "津河城管罚〔2024〕1号";

    private readonly Dictionary<string, string> _passwords = [];

    private RecordTestBed(TempDirectory dir, DatabaseTarget target, string? evidenceDir)
    {
        Dir = dir;
        Target = target;
        EvidenceDir = evidenceDir ?? EvidenceStoreOptions.For(target, null, null).Folder;
        ExplicitEvidenceDir = evidenceDir;
    }

    public TempDirectory Dir { get; }
    public DatabaseTarget Target { get; }
    public string EvidenceDir { get; }

    /// <summary>Null when the bed relies on the default (the folder beside the SQLite file).</summary>
    public string? ExplicitEvidenceDir { get; }

    public WebApplication App { get; private set; } = null!;

    /// <summary>
    /// SQLite keeps evidence in its default folder; PostgreSQL has none beside it, so it is configured. <paramref name="seed"/>
    /// replaces the exchange-format files imported first (file name → content) for tests that need other master data.
    /// </summary>
    public static async Task<RecordTestBed> StartAsync(PostgresServer? postgres, long? maxEvidenceMegabytes = null,
        IReadOnlyDictionary<string, string>? seed = null)
    {
        var dir = TestPaths.NewTempDirectory();
        var bed = postgres is null
            ? new RecordTestBed(dir, await TestDatabases.SqliteAsync(dir), null)
            : new RecordTestBed(dir, await TestDatabases.PostgresAsync(postgres), dir.File("evidence-pg"));
        await bed.SeedAsync(seed ?? DefaultSeed);
        var settings = new Dictionary<string, string?>();
        if (bed.ExplicitEvidenceDir is not null)
            settings[EvidenceStoreOptions.FolderSetting] = bed.ExplicitEvidenceDir;
        if (maxEvidenceMegabytes is not null)
            settings[EvidenceStoreOptions.MaxMegabytesSetting] = maxEvidenceMegabytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bed.App = WebApp.Build(bed.Target, ["http://127.0.0.1:0"], settings: settings);
        await bed.App.StartAsync();
        foreach (var (user, role, agency) in new[] { ("offA", "officer", "AGA"), ("offB", "officer", "AGB"), ("sup", "supervisor", (string?)null) })
            await bed.AddUserAsync(user, role, agency);
        return bed;
    }

    private static readonly Dictionary<string, string> DefaultSeed = new()
    {
        ["agencies.csv"] = "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n",
        ["powers.csv"] = "职权编码,职权名称,职权类别,实施机关编码\nPA1,对销售不合格产品的行政处罚,行政处罚,AGA\nPB1,对违法占道经营的行政处罚,行政处罚,AGB\n",
        ["officers.csv"] = "执法证号,姓名,所属机关编码,发证日期\nA001,张伟,AGA,2020-01-01\nA002,李娜,AGA,2020-01-01\nB001,刘洋,AGB,2020-01-01\nB002,陈静,AGB,2020-01-01\n",
        ["cases.csv"] = "案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型\n" +
            $"{CaseA1},AGA,行政处罚,PA1,2024-03-01,A001;A002,普通程序\n" +
            $"{CaseA2},AGA,行政处罚,PA1,2024-03-02,A001;A002,普通程序\n" +
            $"{CaseB1},AGB,行政处罚,PB1,2024-03-03,B001;B002,普通程序\n",
    };

    private async Task SeedAsync(IReadOnlyDictionary<string, string> files)
    {
        var csv = Dir.File("import");
        Directory.CreateDirectory(csv);
        foreach (var (name, content) in files)
            await File.WriteAllTextAsync(Path.Combine(csv, name), content);
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(Target, new ImportOptions(), TimeProvider.System).RunAsync(csv, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));
    }

    public string ImportFolder => Dir.File("import");

    public async Task AddUserAsync(string userName, string role, string? agency)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync(userName, role, agency);
        if (!created.IsSuccess)
            throw new InvalidOperationException(created.Error.Message);
        _passwords[userName] = created.Value.Password;
    }

    public string Password(string userName) => _passwords[userName];

    public async Task<HttpClient> ClientAsAsync(string userName)
    {
        return await new HttpClient { BaseAddress = new Uri(App.Urls.First()) }.SignInAsync(userName, _passwords[userName]);
    }

    public async Task<long> CaseIdAsync(string number)
    {
        await using var c = await Target.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>("SELECT id FROM cases WHERE number = @number", new { number });
    }

    /// <summary>Runs SQL straight against the database, as someone with full database rights could.</summary>
    public async Task ExecuteAsync(string sql, object? param = null)
    {
        await using var c = await Target.OpenConnectionAsync();
        await c.ExecuteAsync(sql, param);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var c = await Target.OpenConnectionAsync();
        return (await c.QueryAsync<T>(sql, param)).ToList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? param = null)
    {
        await using var c = await Target.OpenConnectionAsync();
        return (await c.ExecuteScalarAsync<T>(sql, param))!;
    }

    /// <summary>What an administrator does first to edit the record: drop the append-only triggers.</summary>
    public Task DropAppendOnlyTriggersAsync() => ExecuteAsync(Target.Provider == DatabaseProvider.Sqlite
        ? "DROP TRIGGER record_entries_no_update; DROP TRIGGER record_entries_no_delete;"
        : "DROP TRIGGER record_entries_append_only ON record_entries;");

    /// <summary><c>zhifa audit verify</c> through the real executable, pointed at this bed's evidence folder when it has its own.</summary>
    public Task<CliResult> AuditAsync() => ExplicitEvidenceDir is null
        ? CliProcess.RunAsync(TestDatabases.CliText(Target), "audit", "verify")
        : CliProcess.RunAsync(TestDatabases.CliText(Target), "audit", "verify", "--evidence-dir", ExplicitEvidenceDir);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Each bed has a database of its own, so a pool of its own: closing its idle connections now keeps the
        // suite's beds from holding the test server's connections until they age out.
        if (Target.Provider == DatabaseProvider.Postgres)
        {
            await using var conn = new Npgsql.NpgsqlConnection(Target.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(conn);
        }
        Dir.Dispose();
    }
}

/// <summary>Uploads through the API as a client would: multipart with file, kind and description.</summary>
public static class EvidenceApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long caseId, byte[] bytes, string fileName = "现场照片.jpg",
        string? kind = "photo", string? description = "门店外景", string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (kind is not null)
            form.Add(new StringContent(kind), "kind");
        if (description is not null)
            form.Add(new StringContent(description), "description");
        return await client.PostAsync($"/api/v1/cases/{caseId}/evidence", form);
    }

    public static async Task<JsonElement> UploadOkAsync(HttpClient client, long caseId, byte[] bytes, string fileName = "现场照片.jpg",
        string kind = "photo", string description = "门店外景")
    {
        var response = await UploadAsync(client, caseId, bytes, fileName, kind, description);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
