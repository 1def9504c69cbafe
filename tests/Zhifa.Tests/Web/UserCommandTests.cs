using Microsoft.EntityFrameworkCore;
using Zhifa.Cli;

namespace Zhifa.Tests.Web;

/// <summary><c>zhifa user add</c> through the real command line, against the web tests' database.</summary>
[Collection(WebCollection.Name)]
public sealed class UserCommandTests(WebAppFixture web)
{
    private string Db => "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(web.Target.ConnectionString).DataSource;

    [Fact]
    public async Task UserAdd_OfficerWithCertificateNumber_LinksTheOfficer()
    {
        var code = await ZhifaCli.RunAsync(["user", "add", "A001", "--role", "officer", "--agency", "AGA", "--db", Db]);

        code.ShouldBe(ExitCodes.Ok);
        await using var db = web.Target.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "A001");
        var officerId = await db.Officers.Where(o => o.CertificateNumber == "A001").Select(o => o.Id).SingleAsync();
        user.OfficerId.ShouldBe(officerId);
    }

    [Theory]
    [InlineData("agent1", "officer", null)]          // agency required
    [InlineData("agent2", "officer", "NOPE")]        // unknown agency
    [InlineData("agent3", "janitor", null)]          // unknown role
    [InlineData("B001", "officer", "AGA")]           // officer of another agency
    [InlineData("sup", "supervisor", null)]          // duplicate user
    public async Task UserAdd_WithBadInput_Exits2(string userName, string role, string? agency)
    {
        string[] args = agency is null
            ? ["user", "add", userName, "--role", role, "--db", Db]
            : ["user", "add", userName, "--role", role, "--agency", agency, "--db", Db];

        (await ZhifaCli.RunAsync(args)).ShouldBe(ExitCodes.BadInput);
    }
}
