using System.Net;
using System.Text.RegularExpressions;

namespace Zhifa.Tests.Web;

/// <summary>A browser-like client for the pages: cookies, no automatic redirects, and the sign-in form with its anti-forgery token.</summary>
public static partial class PageClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static HttpClient Create(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>Signs in through the login form (asserting the redirect that follows success).</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string userName, string password)
    {
        var client = Create(baseAddress);
        var token = await TokenAsync(client, "/login");
        var response = await client.PostAsync("/login", Form(token, ("userName", userName), ("password", password)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string path) => Token(await client.GetStringAsync(path), path);

    public static string Token(string html, string path = "the page")
    {
        var match = AntiforgeryToken().Match(html);
        match.Success.ShouldBeTrue($"no anti-forgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
}
