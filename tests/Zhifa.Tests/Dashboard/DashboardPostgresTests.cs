using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Dashboard;

/// <summary>The drill-down list on PostgreSQL: its count equals the figure for whole and partial months, and the dashboard renders.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task CasesApi_OnPostgres_CountsWhatTheStatisticsCount()
    {
        var target = await TestDatabases.PostgresAsync(server);
        var errors = new ListErrorSink();
        var import = await new ExchangeImporter(target, new ImportOptions(), TimeProvider.System).RunAsync(TestPaths.HedongFixture, errors);
        import.Committed.ShouldBeTrue(string.Join("\n", errors.Errors));
        var app = WebApp.Build(target, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        try
        {
            string password;
            await using (var scope = app.Services.CreateAsyncScope())
                password = (await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync("sup", "supervisor", null)).Value.Password;
            using var sup = await new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.SignInAsync("sup", password);

            foreach (var (period, filter, figure) in new[]
                     {
                         ("from=2023-01-01&to=2023-12-31", "", "total"),
                         ("from=2023-01-01&to=2023-12-31", "&category=penalty", "penalty"),
                         ("from=2023-03-15&to=2023-05-10", "", "total"),
                         ("from=2023-07-01&to=2023-09-30&agency=120102001", "&category=inspection", "inspection"),
                     })
            {
                var statistics = JsonNode.Parse(await sup.GetStringAsync($"/api/v1/statistics?{period}"))!;
                var response = await sup.GetAsync($"/api/v1/cases?{period}{filter}&pageSize=50&page=2");
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
                var list = JsonNode.Parse(body)!;
                list["total"]!.GetValue<long>().ShouldBe(statistics["cases"]![figure]!.GetValue<long>(), period + filter);
                list["items"]!.AsArray().Count.ShouldBe((int)Math.Clamp(list["total"]!.GetValue<long>() - 50, 0, 50));
            }
            var year = JsonNode.Parse(await sup.GetStringAsync("/api/v1/cases?from=2023-01-01&to=2023-12-31&pageSize=1"))!;
            year["total"]!.GetValue<long>().ShouldBe(31065);

            using var page = await Web.PageClient.SignedInAsync(new Uri(app.Urls.First()), "sup", password);
            var html = await page.GetStringAsync("/?year=2023");
            html.ShouldContain("案件同比增长:<strong>上升27.1%</strong>");
            html.ShouldContain("执法主体办案排名");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
