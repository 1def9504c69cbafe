using System.CommandLine;
using Zhifa.Accounts;
using Zhifa.Data.Accounts;

namespace Zhifa.Cli;

/// <summary><c>zhifa user add &lt;userName&gt; --role &lt;role&gt; [--agency CODE]</c> (cli.md).</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var userName = new Argument<string>("userName") { Description = "用户名(执法人员可用其执法证号)" };
        var role = new Option<string>("--role")
        {
            Description = $"角色:{string.Join("、", Roles.All.Select(r => $"{r}({Roles.ToChinese(r)})"))}",
            Required = true,
        };
        var agency = new Option<string?>("--agency") { Description = "所属机关编码(agency-admin、officer、reviewer 必填)" };
        var add = new Command("add", "新建账户并生成随机密码") { userName, role, agency };
        add.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Zhifa.Domain.Common.PlatformClock.ForZone(Environment.GetEnvironmentVariable("Zhifa__TimeZone")));
            services.AddZhifaIdentity(target);
            services.AddScoped<AccountCommands>();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
                .CreateAsync(pr.GetValue(userName)!, pr.GetValue(role)!, pr.GetValue(agency), ct);
            if (!created.IsSuccess)
                return CliOutput.Fail(created.Error.Message);
            Console.WriteLine($"用户名: {created.Value.UserName} 密码: {created.Value.Password}");
            return ExitCodes.Ok;
        });
        return new Command("user", "账户管理") { add };
    }
}
