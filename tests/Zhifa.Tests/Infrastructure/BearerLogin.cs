using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhifa.Tests.Infrastructure;

/// <summary>The API's bearer sign-in, as every test bed does it.</summary>
public static class BearerLogin
{
    /// <summary>Signs <paramref name="client"/> in through <c>POST /api/v1/auth/login</c>; it sends the token from then on.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, string userName, string password)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        login.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", doc.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
