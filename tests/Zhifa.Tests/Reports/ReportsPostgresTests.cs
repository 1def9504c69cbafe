using System.Net;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Reports;

/// <summary>
/// Issue 4 items 4 and 5 on PostgreSQL: the monthly bulletin and the annual report of the Hedong fixture, asked through
/// the API of an app on PostgreSQL, are the very documents the SQLite app gives (Markdown, compared whole), for the
/// supervision office and for an agency's administrator.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportsPostgresTests(PostgresServer server, HedongReportFixture sqlite) : IClassFixture<HedongReportFixture>
{
    [Fact]
    public async Task BulletinsAndAnnualReports_OnPostgres_EqualThoseOnSqlite()
    {
        var postgres = new HedongReportFixture();
        try
        {
            await postgres.StartAsync(TestDatabases.PostgresAsync(server));
            await CompareAsync(postgres);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private async Task CompareAsync(HedongReportFixture postgres)
    {
        string[] routes =
        [
            "/api/v1/reports/bulletin?month=2023-03&format=md",
            "/api/v1/reports/bulletin?month=2023-12&format=md",
            "/api/v1/reports/annual?year=2023&format=md",
            "/api/v1/reports/annual?year=2023&format=md&agency=" + HedongReportFixture.OwnAgency,
        ];
        foreach (var user in new[] { "sup", "adm008" })
        {
            using var onSqlite = await sqlite.ClientAsAsync(user);
            using var onPostgres = await postgres.ClientAsAsync(user);
            foreach (var route in routes)
            {
                var expected = await onSqlite.GetAsync(route);
                var actual = await onPostgres.GetAsync(route);
                expected.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} {route} on SQLite: {await expected.Content.ReadAsStringAsync()}");
                actual.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} {route} on PostgreSQL: {await actual.Content.ReadAsStringAsync()}");
                var text = await actual.Content.ReadAsStringAsync();
                text.Length.ShouldBeGreaterThan(500);
                text.ShouldBe(await expected.Content.ReadAsStringAsync(), $"{user} {route}");
            }
        }
    }
}
