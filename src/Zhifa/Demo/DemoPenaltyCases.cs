using Microsoft.EntityFrameworkCore;
using Zhifa.Catalog;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Identifiers;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Publicity;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Demo;

/// <summary>
/// Penalty cases of 演示区市场监督管理局 written through <see cref="PenaltyCaseService"/> after the import, so the case
/// pages show one case in every stage of the general procedure (立案 … 归档), a case decided without penalty under the
/// exemption list (不予行政处罚决定书) and two summary-procedure cases (当场行政处罚决定书). Most decisions of the general
/// procedure are published (公示) two days after the decision, so the portal shows platform decisions too; the case left
/// in 已决定 is not published and the 已送达 one was published late, so the alerts have one of each (ADR-016). Each case
/// is walked step by step by the demo head (agency-admin), the first two certified officers of the agency (the
/// handlers) and its legal reviewer; dates count back from the demo day and the clock is fixed on it.
/// </summary>
internal static class DemoPenaltyCases
{
    private const string Basis = "《中华人民共和国食品安全法》第一百二十四条第一款第五项";

    /// <summary>The service as one user of the agency sees it.</summary>
    public static PenaltyCaseService Service(ZhifaDbContext db, DatabaseTarget target, CallerScope scope, TimeProvider clock) =>
        new(db, scope, PenaltyRules.Default, new PublicityRules(), clock, new PenaltyCaseLookups(db, scope), new PenaltyCaseViewBuilder(db), new WriteQueue(target));

    /// <summary>Writes the cases; returns how many. Throws when the service refuses a step (a bug of this script).</summary>
    public static async Task<int> RecordAsync(DatabaseTarget target, DateOnly today, CancellationToken ct)
    {
        var clock = new DemoInspections.DemoClock(today);
        await using var db = target.CreateContext();
        var code = DemoGenerator.AgencyCode(0);
        var agency = await db.Agencies.SingleAsync(a => a.Code == code, ct);
        // The first three officers hold certificates throughout (DemoGenerator.MasterData); the first is a legal reviewer.
        var officers = await db.Officers.Where(o => o.AgencyId == agency.Id).OrderBy(o => o.Id).Take(3).ToListAsync(ct);
        var (reviewer, a, b) = (officers[0], officers[1], officers[2]);
        var headScope = CallerScope.For("demo", Roles.AgencyAdmin, agency.Id);
        var script = new Script(
            Service(db, target, headScope, clock),
            day => Service(db, target, headScope, new DemoInspections.DemoClock(day)),
            Service(db, target, CallerScope.For(a.CertificateNumber, Roles.Officer, agency.Id, a.Id), clock),
            Service(db, target, CallerScope.For(reviewer.CertificateNumber, Roles.Reviewer, agency.Id, reviewer.Id), clock),
            today, $"{code}-C02", [a.CertificateNumber, b.CertificateNumber], reviewer.CertificateNumber);

        var stages = Enum.GetValues<PenaltyStage>();
        for (var i = 0; i < stages.Length; i++)
            await script.WalkToAsync(stages[i], Parties[i], ct);
        await script.SummaryAsync("周某", ResidentId.Complete("12010219850505123"), ["Warning"], null, 1, ct);
        await script.SummaryAsync("吴某", ResidentId.Complete("12010219900909456"), ["Fine"], 200m, 3, ct);

        // A published 免罚清单 entry of the power and a case decided under it (不予行政处罚决定书 with the education record).
        // Published through the product's service 120 days before the demo day (it refuses to backdate a publication).
        var standards = new PenaltyStandards(db, CallerScope.For("demo", Roles.AgencyAdmin, agency.Id), new DemoInspections.DemoClock(today.AddDays(-120)));
        var exemption = await standards.PublishExemptionAsync($"{code}-C02",
            new PublishExemptionRequest("首违不罚", "首次销售超过保质期的食品，货值金额不超过100元，危害后果轻微并当场下架改正", null), ct);
        if (!exemption.IsSuccess)
            throw new InvalidOperationException($"演示免罚清单公布失败：{exemption.Error.Code} {exemption.Error.Message}");
        await script.ExemptedAsync("演示区邻里便民店", exemption.Value.Id, ct);
        return stages.Length + 3;
    }

    private static readonly string[] Parties =
    [
        "演示区惠民便利店", "演示区老街坊熟食店", "演示区好味道餐馆", "演示区鲜果园水果店", "演示区金满园超市", "演示区阳光烘焙坊",
        "演示区百味小吃店", "演示区康乐副食店", "演示区福源粮油店", "演示区开心农场生鲜店", "演示区和顺饭庄",
    ];

    /// <summary>Walks one case as far as a stage, with the dates of a case filed 70 days before the demo day.</summary>
    /// <summary><paramref name="headOn"/>: the head acting on a given day, for 公示, whose date is the day it is done.</summary>
    private sealed class Script(PenaltyCaseService head, Func<DateOnly, PenaltyCaseService> headOn, PenaltyCaseService officer, PenaltyCaseService reviewer, DateOnly today, string power,
        string[] handlers, string reviewerNumber)
    {
        private DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);

        public async Task WalkToAsync(PenaltyStage stage, string party, CancellationToken ct)
        {
            // Every stage is reached later the further it lies in the workflow, so the open deadlines stay ahead of the demo day.
            var start = stage switch
            {
                PenaltyStage.Filed => 2, PenaltyStage.Investigating => 8, PenaltyStage.Notified => 12, PenaltyStage.Hearing => 20,
                _ => 75,
            };
            var v = Check(await head.FileAsync(new FileCaseRequest
            {
                PowerCode = power,
                Party = new PartyRequest { Type = "其他组织", Name = party, Identifier = CreditCode.Complete($"92120199MA0P{(int)stage:D2}XK7"), Address = "演示区和平路" },
                ActOn = Day(start + 5), DiscoveredOn = Day(start + 1), FiledOn = Day(start), CaseSummary = "当事人在其经营场所销售超过保质期的预包装食品",
                CaseSource = "监督检查", CaseCause = "经营超过保质期的食品", Officers = handlers,
            }, null, ct));
            if (stage == PenaltyStage.Filed)
                return;
            var id = v.Id;
            var version = v.Version;
            async Task Step(Func<long, Task<Outcome<PenaltyCaseView>>> run) => version = Check(await run(version)).Version;

            await Step(x => officer.RecordEvidenceAsync(id, new RecordEvidenceRequest
            {
                Version = x, Kind = "InspectionRecord", Description = "现场检查笔录：货架上有超过保质期的预包装食品", CollectedOn = Day(start - 1), Collectors = handlers,
            }, ct));
            if (stage == PenaltyStage.Investigating)
                return;
            var hearing = stage == PenaltyStage.Hearing;
            var notifiedOn = stage == PenaltyStage.Notified ? Day(2) : Day(start - 5);
            await Step(x => officer.NotifyAsync(id, new NotifyRequest
            {
                Version = x, NotifiedOn = notifiedOn, Kinds = ["Warning", "Fine"], Fine = hearing ? 120000m : 3000m,
                Facts = "当事人在其经营场所销售超过保质期的预包装食品", Basis = Basis,
            }, ct));
            if (stage == PenaltyStage.Notified)
                return;
            if (hearing)
            {
                await Step(x => officer.RequestHearingAsync(id, new RequestHearingRequest { Version = x, RequestedOn = Day(start - 7) }, ct));
                await Step(x => officer.ScheduleHearingAsync(id, new ScheduleHearingRequest
                {
                    Version = x, NoticeSentOn = Day(start - 8), HearingOn = today.AddDays(10), Time = "09:30", ChairName = "钱卫东", Place = "本局三楼听证室",
                }, ct));
                return;
            }
            await Step(x => officer.RecordWaiverAsync(id, new RecordWaiverRequest { Version = x, WaivedOn = Day(start - 6) }, ct));
            await Step(x => officer.SubmitReviewAsync(id, new SubmitReviewRequest { Version = x, ReviewerCertificateNumber = reviewerNumber, SubmittedOn = Day(start - 8) }, ct));
            if (stage == PenaltyStage.LegalReview)
                return;
            await Step(x => reviewer.CompleteReviewAsync(id, new CompleteReviewRequest
            {
                Version = x, Opinion = "事实清楚，证据充分，程序合法，同意", CompletedOn = Day(start - 9),
                Items = Enum.GetValues<ReviewChecklistItem>().Select(i => new ReviewItemRequest { Item = i.ToString(), Confirmed = true }).ToList(),
            }, ct));
            if (stage == PenaltyStage.CollectiveDiscussion)
            {
                await Step(x => head.RecordDiscussionAsync(id, new RecordDiscussionRequest
                    { Version = x, HeldOn = Day(start - 10), Participants = ["局长", "分管副局长"], Conclusion = "同意给予警告并处罚款3000元" }, ct));
                return;
            }
            await Step(x => head.DecideAsync(id, new DecideRequest { Version = x, DecidedOn = Day(start - 11), Outcome = "Penalty", Kinds = ["Warning", "Fine"], Fine = 3000m }, ct));
            if (stage == PenaltyStage.Decided)
                return; // not published: the alert 处罚决定未按期公示
            await Step(x => officer.ServeAsync(id, new ServeRequest { Version = x, ServedOn = Day(start - 12), Method = "Direct", Place = "当事人经营场所" }, ct));
            // Published two days after the decision; the 已送达 case only today, late: the alert 处罚决定逾期公示.
            await Step(x => (stage == PenaltyStage.Served ? head : headOn(Day(start - 13))).PublishAsync(id, new PublishRequest { Version = x }, ct));
            if (stage == PenaltyStage.Served)
                return;
            await Step(x => officer.RecordPaymentAsync(id, new RecordPaymentRequest { Version = x, PaidOn = Day(start - 14), Amount = stage == PenaltyStage.Executing ? 1000m : 3000m }, ct));
            if (stage == PenaltyStage.Executing)
                return;
            await Step(x => head.CloseAsync(id, new CloseRequest { Version = x, ClosedOn = Day(start - 15), Reason = "Executed" }, ct));
            if (stage == PenaltyStage.Closed)
                return;
            await Step(x => officer.ArchiveAsync(id, new ArchiveRequest { Version = x, ArchivedOn = Day(start - 16) }, ct));
        }

        /// <summary>A case decided without penalty under the exemption list (首违不罚) and served, 30 days after filing.</summary>
        public async Task ExemptedAsync(string party, long exemptionId, CancellationToken ct)
        {
            var v = Check(await head.FileAsync(new FileCaseRequest
            {
                PowerCode = power,
                Party = new PartyRequest { Type = "其他组织", Name = party, Identifier = CreditCode.Complete("92120199MA0P99XK7"), Address = "演示区光明里" },
                ActOn = Day(31), DiscoveredOn = Day(30), FiledOn = Day(30), CaseSummary = "当事人货架上有2瓶超过保质期的饮料，货值金额12元",
                CaseSource = "投诉举报", CaseCause = "经营超过保质期的食品", Officers = handlers,
            }, null, ct));
            var version = Check(await officer.RecordEvidenceAsync(v.Id, new RecordEvidenceRequest
            {
                Version = v.Version, Kind = "InspectionRecord", Description = "现场检查笔录：2瓶超过保质期的饮料，当事人当场下架", CollectedOn = Day(30), Collectors = handlers,
            }, ct)).Version;
            version = Check(await head.DecideAsync(v.Id, new DecideRequest
            {
                Version = version, DecidedOn = Day(20), Outcome = "NoPenalty", NoPenaltyGround = "Exemption", ExemptionItemId = exemptionId,
                NoPenaltyReason = "当事人系首次违法，货值金额12元，危害后果轻微，并已当场下架改正",
                EducationRecord = "向当事人讲解食品安全法关于食品保质期的规定，当事人签署了守法经营承诺书",
            }, ct)).Version;
            version = Check(await officer.ServeAsync(v.Id, new ServeRequest { Version = version, ServedOn = Day(19), Method = "Direct", Place = "当事人经营场所" }, ct)).Version;
            Check(await headOn(Day(18)).PublishAsync(v.Id, new PublishRequest { Version = version }, ct));
        }

        public async Task SummaryAsync(string party, string id, string[] kinds, decimal? fine, int daysAgo, CancellationToken ct) =>
            Check(await officer.DecideOnTheSpotAsync(new SummaryCaseRequest
            {
                PowerCode = power, Party = new PartyRequest { Type = "自然人", Name = party, Identifier = id }, ActOn = Day(daysAgo), DecidedOn = Day(daysAgo),
                Kinds = kinds, Fine = fine, Facts = "当事人在流动摊点销售超过保质期的包装饮料", Basis = Basis, Officers = handlers,
            }, null, ct));
    }

    private static PenaltyCaseView Check(Outcome<PenaltyCaseView> outcome) => outcome.IsSuccess
        ? outcome.Value
        : throw new InvalidOperationException($"演示处罚案件办理失败：{outcome.Error.Code} {outcome.Error.Message}");
}
