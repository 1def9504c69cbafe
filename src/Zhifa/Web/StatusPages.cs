using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Zhifa.Web;

/// <summary>Bodies for bare status codes: problem details under /api, a short Chinese page elsewhere.</summary>
internal static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status } });
            return;
        }
        var (title, _, detail) = Problems.Default(status);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title} - 执法监督平台</title>
            <link rel="stylesheet" href="/site.css"></head><body><main class="container"><h1>{status} {title}</h1>
            <p>{detail}</p><p><a href="/">返回首页</a></p></main></body></html>
            """);
    }
}

internal static class StaticAssets
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Cache = new();

    /// <summary>The scripts served under /js/: the identifier checks (the server's algorithm) and the inspection form.</summary>
    public static readonly string[] Scripts = ["identifiers.js", "inspection-form.js", "penalty-form.js"];

    private static byte[] Embedded(string name) => Cache.GetOrAdd(name, n =>
    {
        using var s = typeof(StaticAssets).Assembly.GetManifestResourceStream(n)
            ?? throw new InvalidOperationException($"{n} is not embedded");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    });

    /// <summary>The one stylesheet, embedded in the executable so a single file serves the whole site offline.</summary>
    public static IResult SiteCss() => Results.Bytes(Embedded("site.css"), "text/css; charset=utf-8");

    public static IResult Script(string name) => Results.Bytes(Embedded(name), "text/javascript; charset=utf-8");
}
