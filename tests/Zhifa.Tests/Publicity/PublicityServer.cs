using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Publicity;

/// <summary>
/// The real web app over a database seeded through the importer with the publicity scenarios of <see cref="PublicitySeed"/>:
/// agencies AGA and AGB, and decisions shown, expired, unpublished, published in the future, summary-procedure, to withdraw.
/// Dates are relative to today, because the app uses the system clock as in production.
/// </summary>
public sealed class PublicityServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _passwords = [];

    private PublicityServer(DatabaseTarget target, WebApplication app)
    {
        Target = target;
        App = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public DatabaseTarget Target { get; }
    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    public static DateOnly Today => DateOnly.FromDateTime(Zhifa.Domain.Common.PlatformClock.ForZone(null).GetLocalNow().DateTime); // the server's today

    public static async Task<PublicityServer> StartAsync(DatabaseTarget target, TempDirectory dir)
    {
        await new SchemaMigrator(target).MigrateAsync();
        var csv = dir.File("import");
        Directory.CreateDirectory(csv);
        foreach (var (file, text) in PublicitySeed.Files(Today))
            await File.WriteAllTextAsync(Path.Combine(csv, file), text, Encoding.UTF8);
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(csv, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));

        var app = WebApp.Build(target, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        var server = new PublicityServer(target, app);
        await server.AddUserAsync("admin", "admin", null);
        await server.AddUserAsync("sup", "supervisor", null);
        await server.AddUserAsync("adminA", "agency-admin", "AGA");
        await server.AddUserAsync("adminB", "agency-admin", "AGB");
        await server.AddUserAsync("offA", "officer", "AGA");
        return server;
    }

    private async Task AddUserAsync(string userName, string role, string? agency)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync(userName, role, agency);
        if (!created.IsSuccess)
            throw new InvalidOperationException(created.Error.Message);
        _passwords[userName] = created.Value.Password;
    }

    /// <summary>A client without credentials: the public.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> AsAsync(string userName)
    {
        return await Anonymous().SignInAsync(userName, _passwords[userName]);
    }

    public async Task<long> CaseIdAsync(string number)
    {
        await using var db = Target.CreateContext();
        return await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>One publicity server over SQLite for a test class.</summary>
public sealed class SqlitePublicityFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public PublicityServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PublicityServer.StartAsync(await TestDatabases.SqliteAsync(_dir, migrate: false), _dir);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

/// <summary>
/// One publicity server over the collection's throwaway PostgreSQL, started by the first test that asks for it (a class
/// fixture cannot take the collection's server in its constructor) and stopped with the class.
/// </summary>
public sealed class PostgresPublicityFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PublicityServer? _server;

    public async Task<PublicityServer> ServerAsync(PostgresServer postgres)
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await PublicityServer.StartAsync(await TestDatabases.PostgresAsync(postgres, migrate: false), _dir);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _dir.Dispose();
        _gate.Dispose();
    }
}
