using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhifa.Tests.Web;

/// <summary>
/// An officer account of agency A (AGA) against every API route: B's resources are 404 (never revealed),
/// A's own are readable, writes are refused by role (403).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScopeApiTests(WebAppFixture web)
{
    private const string Period = "from=2024-01-01&to=2024-12-31";

    public static TheoryData<string, string, string, object?, HttpStatusCode> Routes => new()
    {
        // method, agency B's resource, agency A's own resource, body, status for the own resource
        { "GET", "/api/v1/agencies/AGB", "/api/v1/agencies/AGA", null, HttpStatusCode.OK },
        { "GET", "/api/v1/powers/PB1", "/api/v1/powers/PA1", null, HttpStatusCode.OK },
        { "GET", "/api/v1/powers?agency=AGB", "/api/v1/powers?agency=AGA", null, HttpStatusCode.OK },
        { "GET", "/api/v1/officers/B001", "/api/v1/officers/A001", null, HttpStatusCode.OK },
        { "GET", "/api/v1/officers?agency=AGB", "/api/v1/officers?agency=AGA", null, HttpStatusCode.OK },
        { "GET", "/api/v1/officers?agency=AGB&q=刘", "/api/v1/officers?agency=AGA&q=张", null, HttpStatusCode.OK },
        { "GET", $"/api/v1/statistics?{Period}&agency=AGB", $"/api/v1/statistics?{Period}&agency=AGA", null, HttpStatusCode.OK },
        { "POST", "/api/v1/officers/B001/certificate/revoke", "/api/v1/officers/A001/certificate/revoke", new { date = "2024-06-01", reason = "退休" }, HttpStatusCode.Forbidden },
        { "POST", "/api/v1/officers/B001/certificate/suspend", "/api/v1/officers/A001/certificate/suspend", new { date = "2024-06-01", reason = "违纪" }, HttpStatusCode.Forbidden },
        { "POST", "/api/v1/officers/B001/certificate/reinstate", "/api/v1/officers/A001/certificate/reinstate", new { date = "2024-06-01" }, HttpStatusCode.Forbidden },
        { "POST", "/api/v1/officers", "/api/v1/officers", null, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OfficerOfAgencyA_OnAgencyBResource_Is404AndOwnIsAllowedByRole(
        string method, string other, string own, object? body, HttpStatusCode ownStatus)
    {
        var client = await web.ClientAsAsync("offA");
        var (otherBody, ownBody) = other == "/api/v1/officers"
            ? (NewOfficer("X900", "AGB"), NewOfficer("X901", "AGA"))
            : (body, body);

        var otherResponse = await SendAsync(client, method, other, otherBody);
        var ownResponse = await SendAsync(client, method, own, ownBody);

        otherResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await AuthApiTests.Json(otherResponse);
        problem.GetProperty("code").GetString()!.ShouldEndWith("not_found");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("刘洋"); // nothing of B's officer leaks
        ownResponse.StatusCode.ShouldBe(ownStatus);
    }

    [Theory]
    [InlineData("/api/v1/agencies", "AGB")]
    [InlineData("/api/v1/powers", "PB1")]
    [InlineData("/api/v1/officers", "B001")]
    public async Task OfficerOfAgencyA_Lists_ShowOnlyOwnAgency(string path, string foreign)
    {
        var client = await web.ClientAsAsync("offA");

        var text = await client.GetStringAsync(path);

        using var doc = JsonDocument.Parse(text);
        doc.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        text.ShouldNotContain(foreign);
    }

    [Fact]
    public async Task OfficerOfAgencyA_StatisticsWithoutScope_IsOwnAgency()
    {
        var client = await web.ClientAsAsync("offA");

        var figures = await AuthApiTests.Json(await client.GetAsync($"/api/v1/statistics?{Period}"));

        figures.GetProperty("agency").GetString().ShouldBe("AGA");
        figures.GetProperty("agencies").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task OfficerOfAgencyA_StatisticsByRegion_Is403()
    {
        var client = await web.ClientAsAsync("offA");

        var response = await client.GetAsync($"/api/v1/statistics?{Period}&region=120102");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuthApiTests.Json(response)).GetProperty("detail").GetString()!.ShouldContain("本机关");
    }

    [Fact]
    public async Task OfficerOfAgencyA_LoadingCalendar_Is403()
    {
        var client = await web.ClientAsAsync("offA");

        var response = await client.PostAsync("/api/v1/calendar", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuthApiTests.Json(response)).GetProperty("code").GetString().ShouldBe("auth.forbidden");
    }

    [Fact]
    public async Task Calendar_IsReadableByEveryone()
    {
        var client = await web.ClientAsAsync("offA");

        var year = await AuthApiTests.Json(await client.GetAsync("/api/v1/calendar/2024"));

        year.GetProperty("scheduled").GetBoolean().ShouldBeTrue();
        year.GetProperty("days").EnumerateArray().ShouldContain(d => d.GetProperty("date").GetString() == "2024-10-01" && d.GetProperty("isOffDay").GetBoolean());
    }

    [Fact]
    public async Task Supervisor_SeesEveryAgency()
    {
        var client = await web.ClientAsAsync("sup");

        (await AuthApiTests.Json(await client.GetAsync("/api/v1/agencies"))).GetProperty("total").GetInt32().ShouldBe(2);
        (await client.GetAsync("/api/v1/officers/B001")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/powers/PA1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var region = await client.GetAsync($"/api/v1/statistics?{Period}&region=120102");
        region.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuthApiTests.Json(region)).GetProperty("agencies").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Statistics_ReturnsTheKeysOfStatisticsSpec()
    {
        var client = await web.ClientAsAsync("sup");

        var response = await client.GetAsync($"/api/v1/statistics?{Period}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var keys = (await AuthApiTests.Json(response)).EnumerateObject().Select(p => p.Name).ToList();
        keys.ShouldBe(["from", "to", "region", "agencies", "certifiedOfficers", "legalReviewers", "newCertificates", "revokedCertificates",
            "cases", "byAgencyCategory", "previousYearCases", "yoyCaseGrowth", "officerParticipationRate", "agencyEnforcementRate",
            "powerExerciseRate", "zeroEnforcementMonths", "overduePenaltyCases", "latePublicity", "unpublishedDecisions", "fines"]);
    }

    [Fact]
    public async Task Statistics_WithBadDates_Is400WithErrorsByField()
    {
        var client = await web.ClientAsAsync("sup");

        var response = await client.GetAsync("/api/v1/statistics?from=2024-13-01&to=");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await AuthApiTests.Json(response)).GetProperty("errors");
        errors.TryGetProperty("from", out _).ShouldBeTrue();
        errors.TryGetProperty("to", out _).ShouldBeTrue();
    }

    private static object NewOfficer(string number, string agency) =>
        new { certificateNumber = number, name = "赵磊", agencyCode = agency, issuedOn = "2024-03-01", isLegalReviewer = false };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, object? body) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsJsonAsync(path, body);
}

[Collection(WebCollection.Name)]
public sealed class CalendarApiTests(WebAppFixture web)
{
    [Fact]
    public async Task LoadCalendar_ByAdmin_StoresTheYear()
    {
        var client = await web.ClientAsAsync("admin");
        const string json = """{"year":2031,"papers":["https://www.gov.cn/example-2031"],"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}""";

        var response = await client.PostAsync("/api/v1/calendar", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var year = await AuthApiTests.Json(await client.GetAsync("/api/v1/calendar/2031"));
        year.GetProperty("scheduled").GetBoolean().ShouldBeTrue();
        year.GetProperty("days")[0].GetProperty("name").GetString().ShouldBe("元旦");
    }

    [Fact]
    public async Task LoadCalendar_WithBadJson_Is400()
    {
        var client = await web.ClientAsAsync("admin");

        var response = await client.PostAsync("/api/v1/calendar", new StringContent("""{"year":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
