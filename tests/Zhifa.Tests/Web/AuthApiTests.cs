using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhifa.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class AuthApiTests(WebAppFixture web)
{
    [Fact]
    public async Task Login_WithRightPassword_ReturnsBearerToken()
    {
        var response = await web.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "sup", password = web.Password("sup") });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        doc.RootElement.GetProperty("expiresIn").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401WithChineseProblem()
    {
        var response = await web.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "sup", password = "wrong-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("code").GetString().ShouldBe("auth.invalid_credentials");
        problem.GetProperty("detail").GetString().ShouldBe("用户名或密码错误");
    }

    [Fact]
    public async Task Login_AfterFiveFailures_IsLockedOutEvenWithRightPassword()
    {
        await web.AddUserAsync("lockme", "officer", "AGA");
        var client = web.Client();
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "lockme", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "lockme", password = web.Password("lockme") });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().ShouldBe("auth.locked_out");
        problem.GetProperty("detail").GetString()!.ShouldContain("锁定");
    }

    [Fact]
    public async Task Login_WithMissingFields_Is400WithErrorsByField()
    {
        var response = await web.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "sup" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Login_WithMalformedJson_Is400Malformed()
    {
        var response = await web.Client().PostAsync("/api/v1/auth/login", new StringContent("{bad", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("code").GetString().ShouldBe("request.malformed");
    }

    [Theory]
    [InlineData("/api/v1/agencies")]
    [InlineData("/api/v1/officers")]
    [InlineData("/api/v1/statistics?from=2024-01-01&to=2024-12-31")]
    public async Task Api_WithoutToken_Is401Problem(string path)
    {
        var response = await web.Client().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().ShouldBe("auth.unauthenticated");
        problem.GetProperty("title").GetString().ShouldBe("未登录");
    }

    [Fact]
    public async Task Healthz_IsOk()
    {
        (await web.Client().GetStringAsync("/healthz")).ShouldBe("ok");
    }

    [Fact]
    public async Task OpenApi_IsServedWithChineseTitleAndSummaries()
    {
        var text = await web.Client().GetStringAsync("/openapi/v1.json");

        using var doc = JsonDocument.Parse(text);
        doc.RootElement.GetProperty("info").GetProperty("title").GetString().ShouldBe("执法监督平台 接口");
        doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/officers/{certificateNumber}/certificate/revoke", out var revoke).ShouldBeTrue();
        revoke.GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("注销");
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
