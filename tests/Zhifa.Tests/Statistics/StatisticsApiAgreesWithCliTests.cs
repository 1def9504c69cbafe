using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Statistics;

/// <summary>The Hedong data set served by the real web app, shared by the agreement tests.</summary>
public sealed class HedongServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();
    public DatabaseTarget Target { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        Target = await TestDatabases.SqliteAsync(_dir);
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(Target, new ImportOptions(), TimeProvider.System).RunAsync(TestPaths.HedongFixture, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));
        App = WebApp.Build(Target, ["http://127.0.0.1:0"]);
        await App.StartAsync();
        Client.BaseAddress = new Uri(App.Urls.First());
        string password;
        await using (var scope = App.Services.CreateAsyncScope())
            password = (await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync("sup", "supervisor", null)).Value.Password;
        await Client.SignInAsync("sup", password);
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

/// <summary>
/// statistics.md has one definition per figure: <c>GET /api/v1/statistics</c> and <c>zhifa report statistics</c>
/// must give the same JSON for any period and scope, and the annual figures equal expected.json.
/// </summary>
public sealed class StatisticsApiAgreesWithCliTests(HedongServerFixture server) : IClassFixture<HedongServerFixture>
{
    [Theory]
    [InlineData("2023-04-01", "2023-06-30", null, null)] // a quarter
    [InlineData("2023-02-01", "2023-02-28", null, null)] // a month
    [InlineData("2022-11-01", "2023-02-28", null, null)] // across two years
    [InlineData("2023-01-01", "2023-12-31", null, "120102008")] // one agency
    [InlineData("2023-01-01", "2023-12-31", "120100", null)] // a city code covering the district
    [InlineData("2023-07-01", "2023-09-30", "120102", null)] // the district code
    public async Task StatisticsApi_ForPeriodAndScope_EqualsTheCli(string from, string to, string? region, string? agency)
    {
        var query = $"/api/v1/statistics?from={from}&to={to}" + (region is null ? "" : $"&region={region}") + (agency is null ? "" : $"&agency={agency}");
        var response = await server.Client.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        List<string> args = ["report", "statistics", "--from", from, "--to", to];
        if (region is not null) args.AddRange(["--region", region]);
        if (agency is not null) args.AddRange(["--agency", agency]);
        var cli = await CliProcess.RunAsync(TestDatabases.CliText(server.Target), [.. args]);
        cli.ExitCode.ShouldBe(0, cli.StdErr);

        JsonNode.DeepEquals(api, JsonNode.Parse(cli.StdOut)).ShouldBeTrue($"api:\n{api}\ncli:\n{cli.StdOut}");
        api!["cases"]!["total"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StatisticsApi_ForYear2023_HasTheFiguresOfExpectedJson()
    {
        var api = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/statistics?from=2023-01-01&to=2023-12-31"))!.AsObject();
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.HedongFixture, "expected.json")))!.AsObject();
        api["from"]!.GetValue<string>().ShouldBe("2023-01-01");
        api.Remove("from");
        api.Remove("to");
        expected.Remove("year");
        JsonNode.DeepEquals(api, expected).ShouldBeTrue(api.ToJsonString());
    }

    [Fact]
    public async Task StatisticsApi_ForAMonthAndTheRestOfTheYear_AddUpToTheYear()
    {
        async Task<long> Total(string from, string to) =>
            JsonNode.Parse(await server.Client.GetStringAsync($"/api/v1/statistics?from={from}&to={to}"))!["cases"]!["total"]!.GetValue<long>();
        (await Total("2023-01-01", "2023-01-31") + await Total("2023-02-01", "2023-12-31")).ShouldBe(31065);
    }
}
