using Zhifa.Data.PenaltyCases;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// The JSON snapshot of the aggregate (ADR-007) keeps every private field: a case with something in every collection
/// and owned value reads back to the same JSON and goes on behaving the same.
/// </summary>
public class PenaltyCaseSnapshotTests
{
    private static readonly OfficerFacts Zhang = new(101, "张三", 1, false, _ => true);
    private static readonly OfficerFacts Li = new(102, "李四", 1, false, _ => true);
    private static readonly OfficerFacts Wang = new(103, "王五", 1, false, _ => true);
    private static readonly OfficerFacts Zhao = new(201, "赵审", 1, true, _ => true);
    private static readonly PenaltyActor Head = new("head", PenaltyRoles.AgencyAdmin, 1);
    private static readonly PenaltyActor ZhangActs = new("zhang", PenaltyRoles.Officer, 1, 101);
    private static readonly PenaltyActor ZhaoReviews = new("zhao", PenaltyRoles.Reviewer, 1, 201);

    [Fact]
    public void Snapshot_OfACaseUsingEveryPart_ReadsBackToTheSameStateAndBehaviour()
    {
        var ctx = new PenaltyContext(WorkingDayCalendar.CreateDefault(), PenaltyRules.Default, new TestClock(new DateOnly(2024, 12, 31)));
        var c = BuildRichCase(ctx);

        var json = PenaltyCaseSnapshot.Serialize(c);
        var read = PenaltyCaseSnapshot.Deserialize(json);
        PenaltyCaseSnapshot.AssignId(read, 42);

        PenaltyCaseSnapshot.Serialize(read).ShouldBe(json.Replace("\"Id\":0,\"Number\"", "\"Id\":42,\"Number\""));
        read.Id.ShouldBe(42);
        read.Stage.ShouldBe(PenaltyStage.Executing);
        read.Party.Name.ShouldBe("某某商贸有限公司");
        read.Significance.MajorViolation.ShouldBeTrue();
        read.Officers.Single(o => o.OfficerId == 103).RecusalReason.ShouldBe("与当事人有亲属关系");
        read.Evidence.ShouldHaveSingleItem().CollectorIds.ShouldBe([101, 102]);
        read.CurrentNotice!.Hearing!.WasHeld.ShouldBeTrue();
        read.CurrentNotice.Discretion!.Level.ShouldBe(DiscretionLevel.Ordinary);
        read.Reviews.Select(r => r.Outcome).ShouldBe([ReviewOutcome.Returned, ReviewOutcome.Passed]);
        read.Reviews[0].Items.Count(i => !i.Confirmed).ShouldBe(1);
        read.Discussions.ShouldHaveSingleItem().Participants.ShouldBe(["局长甲", "副局长乙"]);
        read.Decision!.Terms!.Kinds.ShouldBe([PenaltyKind.Fine, PenaltyKind.ConfiscationOfIllegalGains]);
        read.Instalments.Count.ShouldBe(2);
        read.Appeals.ShouldHaveSingleItem().EndedOn.ShouldBe(new DateOnly(2024, 9, 10));
        read.PublishedOn.ShouldBe(new DateOnly(2024, 12, 31));
        read.PublicationDueOn.ShouldBe(new DateOnly(2024, 4, 17)); // 7 working days after 2024-04-08
        read.PublishedLate.ShouldBeTrue();
        read.History.Count.ShouldBe(c.History.Count);
        var day = new DateOnly(2024, 12, 31);
        read.Surcharge(ctx.Calendar, ctx.Rules, day).ShouldBe(c.Surcharge(ctx.Calendar, ctx.Rules, day));
        read.Deadlines(ctx.Calendar, ctx.Rules, day).ShouldBe(c.Deadlines(ctx.Calendar, ctx.Rules, day));
        read.AvailableSteps(Head).ShouldBe(c.AvailableSteps(Head));
        read.RecordPayment(ctx, ZhangActs, new DateOnly(2024, 12, 20), 100m, "PJ-2").ShouldBeNull();
    }

    [Fact]
    public void Snapshot_StoresEnumsByNameAndNoPublicComputedProperty()
    {
        var ctx = new PenaltyContext(WorkingDayCalendar.CreateDefault(), PenaltyRules.Default, new TestClock(new DateOnly(2024, 12, 31)));

        var json = PenaltyCaseSnapshot.Serialize(BuildRichCase(ctx));

        json.ShouldContain("\"Stage\":\"Executing\"");
        json.ShouldContain("\"_officers\":[");
        json.ShouldNotContain("\"ActiveOfficers\"");
        json.ShouldNotContain("\"CurrentNotice\"");
    }

    private static PenaltyCase BuildRichCase(PenaltyContext ctx)
    {
        static DateOnly D(int m, int d) => new(2024, m, d);
        var party = PenaltyParty.Create(PartyType.LegalPerson, "某某商贸有限公司").Value;
        var filed = PenaltyCase.File(ctx, Head, new FilingInput(1, 10, party, D(2, 1), D(2, 20), D(3, 1), "销售过期食品")
        {
            Significance = new CaseSignificance { MajorViolation = true },
        }, [Zhang, Li]);
        var c = filed.Value;
        var benchmark = DiscretionBenchmark.Create(10, D(1, 1), [new DiscretionTierInput(DiscretionLevel.Ordinary, 100000m, 150000m, "一般情形")]).Value;
        Ok(c.AssignOfficer(ctx, Head, Wang, D(3, 2)));
        Ok(c.RecordRecusal(ctx, Head, 103, D(3, 3), "与当事人有亲属关系"));
        Ok(c.ApproveExtension(ctx, Head, D(3, 4), 30, "案情复杂"));
        Ok(c.RecordEvidence(ctx, ZhangActs, new EvidenceInput(EvidenceKind.Documentary, "进货单据", D(3, 5), new string('a', 64)), [Zhang, Li]));
        Ok(c.Notify(ctx, ZhangActs, new NoticeInput(D(3, 8), [PenaltyKind.Fine, PenaltyKind.ConfiscationOfIllegalGains], 120000m, 3000m,
            "销售过期食品", "《食品安全法》第一百二十四条", new DiscretionChoice(benchmark, DiscretionLevel.Ordinary))));
        Ok(c.RecordStatement(ctx, ZhangActs, D(3, 9), "请求从轻处罚"));
        Ok(c.RequestHearing(ctx, ZhangActs, D(3, 11)));
        Ok(c.ScheduleHearing(ctx, ZhangActs, new HearingInput(D(3, 12), D(3, 25), null, "孙主持", "听证室")));
        Ok(c.RecordHearing(ctx, ZhangActs, D(3, 25), true, "当事人到场陈述"));
        Ok(c.SubmitForReview(ctx, ZhangActs, Zhao, D(3, 26)));
        var items = Enum.GetValues<ReviewChecklistItem>().Select(i => new ReviewItemResult(i, i != ReviewChecklistItem.FactsAndEvidence, "证据不足")).ToList();
        c.CompleteReview(ctx, ZhaoReviews, items, "退回", D(3, 27)).Value.ShouldBe(ReviewOutcome.Returned);
        Ok(c.SubmitForReview(ctx, ZhangActs, Zhao, D(4, 1)));
        var confirmed = Enum.GetValues<ReviewChecklistItem>().Select(i => new ReviewItemResult(i, true, null)).ToList();
        c.CompleteReview(ctx, ZhaoReviews, confirmed, "同意", D(4, 2)).Value.ShouldBe(ReviewOutcome.Passed);
        Ok(c.RecordDiscussion(ctx, Head, D(4, 3), ["局长甲", "副局长乙"], "同意处罚"));
        Ok(c.Decide(ctx, Head, new DecisionInput(D(4, 8), PenaltyOutcome.Penalty)
        {
            Kinds = [PenaltyKind.Fine, PenaltyKind.ConfiscationOfIllegalGains], Fine = 120000m, ConfiscationValue = 3000m,
            Discretion = new DiscretionChoice(benchmark, DiscretionLevel.Ordinary),
        }));
        Ok(c.Serve(ctx, ZhangActs, D(4, 9), ServiceMethod.Direct));
        Ok(c.Publish(ctx, Head)); // on the clock's day, 2024-12-31: late
        Ok(c.ApproveInstalments(ctx, Head, D(4, 10), [new Instalment(D(5, 10), 60000m), new Instalment(D(8, 10), 60000m)]));
        Ok(c.RecordPayment(ctx, ZhangActs, D(5, 9), 60000m, "PJ-1"));
        Ok(c.StartAppeal(ctx, ZhangActs, AppealKind.Reconsideration, D(6, 1), "申请行政复议"));
        Ok(c.EndAppeal(ctx, ZhangActs, D(9, 10)));
        return c;
    }

    private static void Ok(DomainError? error) => error.ShouldBeNull(error?.ToString());
}
