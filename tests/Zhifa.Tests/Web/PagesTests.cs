using System.Net;

namespace Zhifa.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class PagesTests(WebAppFixture web)
{
    [Fact]
    public async Task LoginPage_RendersChineseHtml()
    {
        var response = await web.Client().GetAsync("/login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldContain("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("用户名");
        html.ShouldContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task Dashboard_WithoutCookie_RedirectsToLogin()
    {
        using var client = PageClient.Create(web.BaseAddress);

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task Dashboard_AfterFormLogin_ShowsFiguresOfOwnAgency()
    {
        using var client = await SignedInAsync("adminA");

        var html = await client.GetStringAsync("/?year=2024");

        html.ShouldContain("执法监督概览");
        html.ShouldContain("持证执法人员");
        html.ShouldContain("本机关 AGA");
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = PageClient.Create(web.BaseAddress);

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "adminA",
            ["password"] = web.Password("adminA"),
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LoginForm_WithWrongPassword_ShowsChineseError()
    {
        using var client = PageClient.Create(web.BaseAddress);
        var token = await TokenAsync(client, "/login");

        var response = await client.PostAsync("/login", Form(token, ("userName", "adminA"), ("password", "wrong")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
    }

    [Fact]
    public async Task OfficerPages_AreScopedLikeTheApi()
    {
        using var client = await SignedInAsync("offA");

        (await client.GetAsync("/officers/B001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await client.GetStringAsync("/officers/A001");
        own.ShouldContain("张伟");
        own.ShouldNotContain("注销</button>"); // an officer may not change certificates
        var list = await client.GetStringAsync("/officers");
        list.ShouldContain("A001");
        list.ShouldNotContain("B001");
        (await client.GetAsync("/users")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // admin only: to /denied
    }

    [Fact]
    public async Task OfficerDetail_RevokeFormWithoutReason_ShowsChineseFieldError()
    {
        using var client = await SignedInAsync("adminA");
        var token = await TokenAsync(client, "/officers/A003");

        var response = await client.PostAsync("/officers/A003?handler=Revoke", Form(token, ("Input.Date", "2024-05-01"), ("Input.Reason", "")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
    }

    private Task<HttpClient> SignedInAsync(string userName) => PageClient.SignedInAsync(web.BaseAddress, userName, web.Password(userName));

    private static Task<string> TokenAsync(HttpClient client, string path) => PageClient.TokenAsync(client, path);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) => PageClient.Form(token, fields);
}
