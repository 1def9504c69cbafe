using System.Net;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// Drives one case of agency A through the API step by step, carrying its version; each step asserts its status.
/// The dates are those of a case filed on 2024-05-06 whose party asks for a hearing.
/// </summary>
public sealed class CaseDriver(PenaltyTestBed bed, Reply filed)
{
    public long Id { get; } = filed.Id;
    public long Version { get; private set; } = filed.Version;
    public Reply Last { get; private set; } = filed;

    public static async Task<CaseDriver> FileAsync(PenaltyTestBed bed, string filedOn = "2024-05-06", string[]? officers = null)
    {
        var filed = (await bed.FileAsync(filedOn, officers)).Is(HttpStatusCode.Created);
        return new CaseDriver(bed, filed);
    }

    public async Task<Reply> StepAsync(string user, string step, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var reply = (await bed.PostAsync(user, $"/api/v1/penalty-cases/{Id}/{step}", body, Version)).Is(expected);
        if (expected == HttpStatusCode.OK)
        {
            reply.Version.ShouldBe(Version + 1);
            Version = reply.Version;
            Last = reply;
        }
        return reply;
    }

    public Task<Reply> EvidenceAsync(string on = "2024-05-08", string[]? collectors = null) => StepAsync("A001", "record-evidence",
        new { kind = "勘验笔录、现场笔录", description = "现场检查笔录:货架上有超过保质期的牛奶12盒", collectedOn = on, collectors = collectors ?? ["A001", "A002"] });

    public Task<Reply> NotifyAsync(string on = "2024-05-10", decimal fine = 6000m, object? discretion = null) => StepAsync("A001", "notify", new
    {
        notifiedOn = on, kinds = new[] { "罚款" }, fine, discretion,
        facts = "当事人于2024年4月26日在其经营的超市销售超过保质期的牛奶12盒", basis = "《中华人民共和国食品安全法》第一百二十四条第一款第五项",
    });

    /// <summary>Evidence, a notice with a hearing right, the hearing requested, scheduled and held with the party present.</summary>
    public async Task HeardAsync()
    {
        await EvidenceAsync();
        await NotifyAsync();
        await StepAsync("A001", "request-hearing", new { requestedOn = "2024-05-13" });
        await StepAsync("A001", "schedule-hearing", new
        {
            noticeSentOn = "2024-05-14", hearingOn = "2024-05-24", time = "09:30", chairCertificateNumber = "A005", chairName = "周杰",
            place = "本局三楼听证室", clerk = "王芳",
        });
        await StepAsync("A001", "record-hearing", new { heldOn = "2024-05-24", partyAttended = true, summary = "当事人承认违法事实,请求从轻处罚" });
    }

    public static object[] Checklist(params (ReviewChecklistItem Item, string Reason)[] returned) =>
        Enum.GetValues<ReviewChecklistItem>().Select(i =>
        {
            var r = returned.FirstOrDefault(x => x.Item == i);
            return (object)new { item = i.ToString(), confirmed = r.Reason is null, reason = r.Reason };
        }).ToArray();

    public async Task ReviewedAsync(string reviewer = "A004", string on = "2024-05-27")
    {
        await StepAsync("A001", "submit-review", new { reviewerCertificateNumber = reviewer, submittedOn = on });
        await StepAsync(reviewer, "complete-review", new { items = Checklist(), opinion = "同意", completedOn = on });
    }

    public Task<Reply> DecideAsync(string on = "2024-05-29", decimal fine = 5000m) =>
        StepAsync("headA", "decide", new { decidedOn = on, outcome = "Penalty", kinds = new[] { "Fine" }, fine });

    public Task<Reply> ServeAsync(string on = "2024-05-30") =>
        StepAsync("A001", "serve", new { servedOn = on, method = "直接送达", place = "当事人经营场所" });
}
