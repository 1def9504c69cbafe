using System.CommandLine;
using Zhifa.Web;

namespace Zhifa.Cli;

/// <summary><c>zhifa serve [--urls URL] [--no-demo]</c> and plain <c>zhifa</c> (cli.md).</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static readonly Option<string> Urls = new("--urls")
    {
        Description = $"监听地址,多个地址以分号分隔(默认 {DefaultUrl})",
        DefaultValueFactory = _ => DefaultUrl,
    };

    public static readonly Option<bool> NoDemo = new("--no-demo") { Description = "数据库为空时不生成演示数据" };

    public static Command Create()
    {
        var cmd = new Command("serve", "运行执法监督平台网站与接口") { Urls, NoDemo };
        cmd.SetAction(RunAsync);
        return cmd;
    }

    public static async Task<int> RunAsync(ParseResult pr, CancellationToken ct)
    {
        var target = await ZhifaCli.OpenAsync(pr, ct);
        if (target is null)
            return ExitCodes.BadInput;
        var urls = (pr.GetValue(Urls) ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The demo district (when the database has no agency and --no-demo is absent) is not generated yet.
        await using var app = WebApp.Build(target, urls);
        await WebApp.EnsureAdministratorAsync(app, Console.Out, ct);
        await app.StartAsync(ct);
        foreach (var url in app.Urls)
            Console.WriteLine($"执法监督平台已启动:{url}(数据库 {target.Describe()})");
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Ok;
    }
}
