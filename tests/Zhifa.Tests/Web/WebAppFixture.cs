using Zhifa.Tests.Infrastructure;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Tests.Web;

/// <summary>
/// The real web app on a real port (http://127.0.0.1:0) over a temporary SQLite file, seeded through the
/// exchange-format importer with two agencies: A (AGA) and B (AGB), each with powers and officers.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zhifa-web-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _passwords = [];

    public WebApplication App { get; private set; } = null!;
    public DatabaseTarget Target { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Target = DatabaseTarget.Sqlite(Path.Combine(_dir, "zhifa.db"));
        await new SchemaMigrator(Target).MigrateAsync();
        var csv = Path.Combine(_dir, "import");
        Directory.CreateDirectory(csv);
        await File.WriteAllTextAsync(Path.Combine(csv, "agencies.csv"),
            "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n");
        await File.WriteAllTextAsync(Path.Combine(csv, "powers.csv"),
            "职权编码,职权名称,职权类别,实施机关编码,法律依据\nPA1,对销售不合格产品的行政处罚,行政处罚,AGA,产品质量法\nPB1,对违法占道经营的行政处罚,行政处罚,AGB,城市市容和环境卫生管理条例\n");
        await File.WriteAllTextAsync(Path.Combine(csv, "officers.csv"),
            "执法证号,姓名,所属机关编码,发证日期,法制审核人员\nA001,张伟,AGA,2020-01-01,否\nA002,李娜,AGA,2020-01-01,是\nA003,王芳,AGA,2020-01-01,否\nB001,刘洋,AGB,2020-01-01,否\nB002,陈静,AGB,2020-01-01,否\n");
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(Target, new ImportOptions(), TimeProvider.System).RunAsync(csv, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));

        App = WebApp.Build(Target, ["http://127.0.0.1:0"]);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());

        await AddUserAsync("sup", "supervisor", null);
        await AddUserAsync("admin", "admin", null);
        await AddUserAsync("offA", "officer", "AGA");
        await AddUserAsync("adminA", "agency-admin", "AGA");
        await AddUserAsync("adminB", "agency-admin", "AGB");
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

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>A client carrying the bearer token of the user.</summary>
    public async Task<HttpClient> ClientAsAsync(string userName)
    {
        return await Client().SignInAsync(userName, Password(userName));
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
