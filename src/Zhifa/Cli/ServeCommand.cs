using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Zhifa.Demo;
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
        // An empty database gets the demo district (cli.md), so that a newcomer sees a living platform at once.
        if (!pr.GetValue(NoDemo))
        {
            bool hasAgency;
            await using (var db = target.CreateContext())
                hasAgency = await db.Agencies.AnyAsync(ct);
            if (!hasAgency)
            {
                Console.WriteLine("数据库中没有执法机关,正在生成演示数据(演示区,两年)……");
                var demo = await DemoDistrict.CreateAsync(target, DateOnly.FromDateTime(DateTime.Today), ct: ct);
                Console.WriteLine($"演示数据已生成:执法机关 {demo.Agencies} 个,职权 {demo.Powers} 项,执法人员 {demo.Officers} 名," +
                                  $"案件 {demo.Cases} 件(行政检查 {demo.Inspections} 件、行政处罚 {demo.Penalties} 件、其他类型 {demo.OtherCases} 件)," +
                                  $"{demo.From:yyyy-MM-dd} 至 {demo.To:yyyy-MM-dd}");
            }
        }
        var evidenceDir = pr.GetValue(ZhifaCli.EvidenceDir);
        await using var app = WebApp.Build(target, urls,
            settings: evidenceDir is null ? null : new Dictionary<string, string?> { [Data.Records.EvidenceStoreOptions.FolderSetting] = evidenceDir });
        await WebApp.EnsureAdministratorAsync(app, Console.Out, ct);
        await app.StartAsync(ct);
        foreach (var url in app.Urls)
            Console.WriteLine($"执法监督平台已启动:{url}(数据库 {target.Describe()})");
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Ok;
    }
}
