using Zhifa.Web;

namespace Zhifa.Officers;

public static class OfficerEndpoints
{
    public static void MapOfficers(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/officers").WithTags("执法人员");
        g.MapGet("/", async (string? q, string? agency, string? region, DateOnly? certifiedOn, int? page, int? pageSize, OfficerQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await queries.SearchAsync(q, agency, paging.Value, ct, region, certifiedOn)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("执法人员列表,可按姓名或执法证号(q)及所属机关(agency)查询")
            .Produces<PageOf<OfficerSummary>>();
        g.MapGet("/{certificateNumber}", async (string certificateNumber, OfficerQueries queries, CancellationToken ct) =>
                (await queries.DetailAsync(certificateNumber, ct)).ToHttp())
            .WithSummary("按执法证号查询执法人员及其执法证变更记录")
            .Produces<OfficerDetail>();
        g.MapPost("/", async (IssueCertificateRequest body, OfficerCertificateCommands commands, CancellationToken ct) =>
            {
                var outcome = await commands.IssueAsync(body, ct);
                return outcome.IsSuccess
                    ? Results.Created($"/api/v1/officers/{Uri.EscapeDataString(outcome.Value.CertificateNumber)}", outcome.Value)
                    : Problems.From(outcome.Error);
            })
            .WithSummary("发放执法证(新增执法人员)")
            .Produces<OfficerDetail>(StatusCodes.Status201Created);
        g.MapPost("/{certificateNumber}/certificate/revoke", async (string certificateNumber, CertificateChangeRequest body,
                OfficerCertificateCommands commands, CancellationToken ct) => (await commands.RevokeAsync(certificateNumber, body, ct)).ToHttp())
            .WithSummary("注销执法证(退休、调离等),须填写日期和原因")
            .Produces<OfficerDetail>();
        g.MapPost("/{certificateNumber}/certificate/suspend", async (string certificateNumber, CertificateChangeRequest body,
                OfficerCertificateCommands commands, CancellationToken ct) => (await commands.SuspendAsync(certificateNumber, body, ct)).ToHttp())
            .WithSummary("暂扣执法证,须填写日期和原因")
            .Produces<OfficerDetail>();
        g.MapPost("/{certificateNumber}/certificate/reinstate", async (string certificateNumber, CertificateChangeRequest body,
                OfficerCertificateCommands commands, CancellationToken ct) => (await commands.ReinstateAsync(certificateNumber, body, ct)).ToHttp())
            .WithSummary("恢复被暂扣的执法证")
            .Produces<OfficerDetail>();
    }
}
