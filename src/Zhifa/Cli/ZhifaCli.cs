using System.CommandLine;
using Zhifa.Data.Storage;

namespace Zhifa.Cli;

/// <summary>The command line of cli.md. Each command lives in its own file and registers itself here.</summary>
public static class ZhifaCli
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "数据库:sqlite:<路径> 或 postgres:<连接串>(默认 sqlite:./data/zhifa.db,也可用环境变量 ZHIFA_DB)",
        Recursive = true,
    };

    public static readonly Option<string?> EvidenceDir = new("--evidence-dir")
    {
        Description = "证据文件目录(默认为 SQLite 数据库文件旁的 evidence 目录,也可用环境变量 ZHIFA_EVIDENCE_DIR)",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // System.CommandLine ships Chinese messages for its own parse errors and help.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
        var root = new RootCommand("执法监督平台 zhifa:行政执法监督平台的网站、接口与命令行");
        root.Options.Add(Db);
        root.Options.Add(EvidenceDir);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.SetAction((pr, ct) => ServeCommand.RunAsync(pr, ct));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                Console.Error.WriteLine($"命令行参数错误:{e.Message}。使用 --help 查看用法");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"内部错误:{ex.Message}。请联系系统管理员并提供日志");
            return ExitCodes.Internal;
        }
    }

    /// <summary>Migrates the schema of the selected database (every command does, cli.md).</summary>
    public static async Task<DatabaseTarget?> OpenAsync(ParseResult pr, CancellationToken ct)
    {
        var target = CliOutput.Target(pr.GetValue(Db));
        if (target is null)
            return null;
        await new SchemaMigrator(target).MigrateAsync(ct: ct);
        return target;
    }
}
