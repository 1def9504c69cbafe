using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// One fresh database (SQLite or PostgreSQL) per test with the real web app over it and a fixed clock (2024-06-28, a
/// Friday, in Beijing time). Agency A (AGA, 天津市河东区市场监督管理局): penalty power PA1, inspection power PA2, officers
/// A001 张伟, A002 李娜, A005 周杰, legal reviewers A003 王芳 and A004 赵敏. Agency B (AGB): power PB1, officers B001, B002.
/// Accounts: headA and headB (agency-admin), the officers and reviewers under their certificate numbers, sup (supervisor).
/// </summary>
public sealed class PenaltyTestBed : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2024, 6, 28);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> _passwords = [];
    private readonly Dictionary<string, HttpClient> _clients = [];

    private PenaltyTestBed(TempDirectory dir, DatabaseTarget target)
    {
        Dir = dir;
        Target = target;
    }

    public TempDirectory Dir { get; }
    public DatabaseTarget Target { get; }
    public TestClock Clock { get; } = new(Today);
    public WebApplication App { get; private set; } = null!;

    public static async Task<PenaltyTestBed> StartAsync(PostgresServer? postgres, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = TestPaths.NewTempDirectory();
        var bed = new PenaltyTestBed(dir, postgres is null ? await TestDatabases.SqliteAsync(dir) : await TestDatabases.PostgresAsync(postgres));
        await bed.SeedAsync();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [Data.Records.EvidenceStoreOptions.FolderSetting] = dir.File("evidence"),
        };
        bed.App = WebApp.Build(bed.Target, ["http://127.0.0.1:0"], settings: all,
            configureServices: s => s.AddSingleton<TimeProvider>(bed.Clock));
        await bed.App.StartAsync();
        foreach (var (user, role, agency) in new[]
                 {
                     ("headA", "agency-admin", "AGA"), ("headB", "agency-admin", "AGB"), ("A001", "officer", "AGA"), ("A002", "officer", "AGA"),
                     ("A005", "officer", "AGA"), ("A003", "reviewer", "AGA"), ("A004", "reviewer", "AGA"), ("B001", "officer", "AGB"),
                     ("sup", "supervisor", (string?)null),
                 })
            await bed.AddUserAsync(user, role, agency);
        return bed;
    }

    private async Task SeedAsync()
    {
        var csv = Dir.File("import");
        Directory.CreateDirectory(csv);
        await File.WriteAllTextAsync(Path.Combine(csv, "agencies.csv"),
            "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n");
        await File.WriteAllTextAsync(Path.Combine(csv, "powers.csv"),
            "职权编码,职权名称,职权类别,实施机关编码,法律依据\n" +
            "PA1,对经营超过保质期食品的行政处罚,行政处罚,AGA,《中华人民共和国食品安全法》第三十四条第十项\n" +
            "PA2,食品经营日常监督检查,行政检查,AGA,《中华人民共和国食品安全法》第一百一十条\n" +
            "PB1,对违法占道经营的行政处罚,行政处罚,AGB,《城市市容和环境卫生管理条例》第十七条\n");
        await File.WriteAllTextAsync(Path.Combine(csv, "officers.csv"),
            "执法证号,姓名,所属机关编码,发证日期,法制审核人员\nA001,张伟,AGA,2020-01-01,否\nA002,李娜,AGA,2020-01-01,否\nA005,周杰,AGA,2020-01-01,否\n" +
            "A003,王芳,AGA,2020-01-01,是\nA004,赵敏,AGA,2020-01-01,是\nB001,刘洋,AGB,2020-01-01,否\nB002,陈静,AGB,2020-01-01,否\n");
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(Target, new ImportOptions(), TimeProvider.System).RunAsync(csv, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));
    }

    public async Task AddUserAsync(string userName, string role, string? agency)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync(userName, role, agency);
        if (!created.IsSuccess)
            throw new InvalidOperationException(created.Error.Message);
        _passwords[userName] = created.Value.Password;
    }

    public string Password(string userName) => _passwords[userName];

    public async Task<HttpClient> As(string userName)
    {
        if (_clients.TryGetValue(userName, out var cached))
            return cached;
        return _clients[userName] = await new HttpClient { BaseAddress = new Uri(App.Urls.First()) }.SignInAsync(userName, _passwords[userName]);
    }

    /// <summary>POSTs a body as JSON, with the version merged in when one is given.</summary>
    public async Task<Reply> PostAsync(string user, string path, object body, long? version = null, string? idempotencyKey = null)
    {
        var node = JsonSerializer.SerializeToNode(body, Web)!.AsObject();
        if (version is not null)
            node["version"] = version;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(node) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Reply.ReadAsync(await (await As(user)).SendAsync(request));
    }

    public async Task<Reply> PutAsync(string user, string path, object body) =>
        await Reply.ReadAsync(await (await As(user)).PutAsJsonAsync(path, body, Web));

    public async Task<Reply> GetAsync(string user, string path) => await Reply.ReadAsync(await (await As(user)).GetAsync(path));

    /// <summary>Runs the alert evaluation as the supervision office (<c>POST /api/v1/alerts/evaluate</c>); returns its counts.</summary>
    public async Task<JsonElement> EvaluateAlertsAsync()
    {
        var reply = await Reply.ReadAsync(await (await As("sup")).PostAsync("/api/v1/alerts/evaluate", null));
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }

    /// <summary>The alerts of one kind that <paramref name="user"/> sees, open or closed.</summary>
    public async Task<List<JsonElement>> AlertsAsync(string user, string kind, string status = "open") =>
        (await GetAsync(user, $"/api/v1/alerts?kind={kind}&status={status}&pageSize=500")).Ok().Json
        .GetProperty("items").EnumerateArray().ToList();

    /// <summary>Files a case of agency A with officers A001 and A002 (or those given), as headA.</summary>
    public async Task<Reply> FileAsync(string filedOn = "2024-05-06", string[]? officers = null, string party = "孙某", string? key = null,
        object? significance = null, string user = "headA")
    {
        var filed = DateOnly.Parse(filedOn, System.Globalization.CultureInfo.InvariantCulture);
        return await PostAsync(user, "/api/v1/penalty-cases", new
        {
            powerCode = "PA1",
            party = new { type = "自然人", name = party, identifier = "120102198001011234", address = "天津市河东区六纬路1号", phone = "13800000000" },
            actOn = filed.AddDays(-10), discoveredOn = filed.AddDays(-3), filedOn = filed,
            caseSummary = "当事人在其经营的超市销售超过保质期的食品", caseSource = "投诉举报", caseCause = "经营超过保质期的食品",
            officers = officers ?? ["A001", "A002"], significance,
        }, idempotencyKey: key);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? param = null)
    {
        await using var c = await Target.OpenConnectionAsync();
        return (await c.ExecuteScalarAsync<T>(sql, param))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var c = await Target.OpenConnectionAsync();
        return (await c.QueryAsync<T>(sql, param)).ToList();
    }

    /// <summary>What a refused request must leave as it was: cases, record entries, the case's version and snapshot.</summary>
    public async Task<string> StateAsync() => string.Join("|",
        await ScalarAsync<long>("SELECT count(*) FROM cases"),
        await ScalarAsync<long>("SELECT count(*) FROM record_entries"),
        await ScalarAsync<long>("SELECT count(*) FROM case_officers"),
        string.Join(",", await QueryAsync<string>("SELECT CAST(id AS text) || ':' || CAST(version AS text) || ':' || snapshot FROM penalty_cases ORDER BY id")));

    public Task<Infrastructure.CliResult> AuditAsync() =>
        CliProcess.RunAsync(TestDatabases.CliText(Target), "audit", "verify", "--evidence-dir", Dir.File("evidence"));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        ReleaseConnections(Target);
        Dir.Dispose();
    }

    /// <summary>
    /// Closes the pooled connections to a test database: every test has its own database on the one throwaway
    /// PostgreSQL server, and idle pools left behind would soon exceed its connection limit.
    /// </summary>
    public static void ReleaseConnections(DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}

/// <summary>A response: its status and JSON body (null for a file).</summary>
public sealed record Reply(HttpStatusCode Status, JsonElement Json, string Text, HttpResponseMessage Response)
{
    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false)
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new Reply(response.StatusCode, json, text, response);
    }

    public long Id => Json.GetProperty("id").GetInt64();
    public long Version => Json.GetProperty("version").GetInt64();
    public string Code => Json.GetProperty("code").GetString()!;

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public Reply Is(HttpStatusCode status)
    {
        Status.ShouldBe(status, Text);
        return this;
    }

    public Reply Ok() => Is(HttpStatusCode.OK);
}
