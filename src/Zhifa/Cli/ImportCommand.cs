using System.CommandLine;
using Spectre.Console;
using Zhifa.Data.Import;

namespace Zhifa.Cli;

/// <summary><c>zhifa import &lt;folder&gt; [--upsert]</c> (cli.md, exchange-format.md).</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "包含 agencies.csv、powers.csv、officers.csv、cases.csv 的目录" };
        var upsert = new Option<bool>("--upsert") { Description = "编号已存在时更新该记录,而不是报错" };
        var cmd = new Command("import", "导入数据交换格式的 CSV 文件(全部成功才写入)") { folder, upsert };
        cmd.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var errors = new StderrErrorSink();
            var importer = new ExchangeImporter(target, new ImportOptions { Upsert = pr.GetValue(upsert), Actor = Environment.UserName },
                TimeProvider.System);
            var path = pr.GetValue(folder)!;
            ImportOutcome outcome;
            if (Console.IsErrorRedirected)
                outcome = await importer.RunAsync(path, errors, null, ct);
            else
                outcome = await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
                    .Progress().AutoClear(true)
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("导入中", maxValue: 1);
                        var progress = new Progress<ImportProgress>(p =>
                        {
                            task.Description = $"{p.File} {p.Rows:N0} 行";
                            task.MaxValue = Math.Max(1, p.TotalBytes);
                            task.Value = p.BytesRead;
                        });
                        return await importer.RunAsync(path, errors, progress, ct);
                    });
            foreach (var f in outcome.Files)
                Console.WriteLine($"{f.File}: 新增 {f.Inserted} 条,更新 {f.Updated} 条");
            if (!outcome.Committed)
            {
                Console.Error.WriteLine($"导入失败:共 {outcome.ErrorCount} 处错误,未写入任何数据。请修改后重新导入");
                return ExitCodes.BadInput;
            }
            Console.WriteLine("导入完成");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Prints each error the moment it is found: a bad million-row file never fills memory.</summary>
    private sealed class StderrErrorSink : IImportErrorSink
    {
        public int Count { get; private set; }

        public void Report(ImportError error)
        {
            Count++;
            Console.Error.WriteLine(error.ToString());
        }
    }
}
