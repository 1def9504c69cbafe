using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

/// <summary>Agencies, officers, actors and dates shared by the penalty tests; the calendar is the real embedded one.</summary>
internal static class P
{
    public const long Agency = 1;
    public const long OtherAgency = 2;
    public const long Power = 10;

    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.CreateDefault();

    public static readonly OfficerFacts Zhang = new(101, "张三", Agency, false, _ => true);
    public static readonly OfficerFacts Li = new(102, "李四", Agency, false, _ => true);
    public static readonly OfficerFacts Wang = new(103, "王五", Agency, false, _ => true);
    public static readonly OfficerFacts Zhao = new(201, "赵审", Agency, true, _ => true);
    public static readonly OfficerFacts Qian = new(202, "钱审", Agency, true, _ => true);

    public static readonly PenaltyActor Head = new("head", PenaltyRoles.AgencyAdmin, Agency);
    public static readonly PenaltyActor ZhangActs = new("zhang", PenaltyRoles.Officer, Agency, 101);
    public static readonly PenaltyActor LiActs = new("li", PenaltyRoles.Officer, Agency, 102);
    public static readonly PenaltyActor ZhaoReviews = new("zhao", PenaltyRoles.Reviewer, Agency, 201);
    public static readonly PenaltyActor QianReviews = new("qian", PenaltyRoles.Reviewer, Agency, 202);
    public static readonly PenaltyActor Supervisor = new("super", PenaltyRoles.Supervisor, null);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static PenaltyContext Ctx(string today = "2026-12-31", PenaltyRules? rules = null) =>
        new(Calendar, rules ?? PenaltyRules.Default, FakeClock.OnDay(D(today)));

    public static PenaltyParty Person { get; } = PenaltyParty.Create(PartyType.NaturalPerson, "孙某").Value;
    public static PenaltyParty Company { get; } = PenaltyParty.Create(PartyType.LegalPerson, "某某商贸有限公司").Value;

    public static FilingInput Filing(string filedOn, PenaltyParty? party = null) =>
        new(Agency, Power, party ?? Person, D(filedOn).AddDays(-20), D(filedOn).AddDays(-5), D(filedOn), "销售过期食品");

    public static IReadOnlyList<ReviewItemResult> AllConfirmed() =>
        Enum.GetValues<ReviewChecklistItem>().Select(i => new ReviewItemResult(i, true, null)).ToList();

    public static void ShouldSucceed(this DomainError? error) => error.ShouldBeNull(error?.ToString());

    public static void ShouldFail(this DomainError? error, string code)
    {
        error.ShouldNotBeNull();
        error.Code.ShouldBe(code, error.Message);
    }

    public static void ShouldFail<T>(this Result<T> result, string code)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(code, result.Error.Message);
    }
}

/// <summary>Drives a general-procedure case through its steps, asserting each succeeds.</summary>
internal sealed class CaseBuilder
{
    private CaseBuilder(PenaltyContext ctx, PenaltyCase @case)
    {
        Ctx = ctx;
        Case = @case;
    }

    public PenaltyContext Ctx { get; }
    public PenaltyCase Case { get; }

    public static CaseBuilder Filed(string filedOn = "2024-03-01", PenaltyParty? party = null, PenaltyRules? rules = null,
        CaseSignificance? significance = null)
    {
        var ctx = P.Ctx(rules: rules);
        var input = P.Filing(filedOn, party) with { Significance = significance ?? CaseSignificance.None };
        var result = PenaltyCase.File(ctx, P.Head, input, [P.Zhang, P.Li]);
        result.Error.ShouldBeNull(result.Error?.Message);
        return new CaseBuilder(ctx, result.Value);
    }

    public CaseBuilder Evidence(string on)
    {
        Case.RecordEvidence(Ctx, P.ZhangActs, new EvidenceInput(EvidenceKind.InspectionRecord, "现场检查笔录", P.D(on)), [P.Zhang, P.Li]).ShouldSucceed();
        return this;
    }

    public CaseBuilder Notified(string on, decimal? fine = 1000m, PenaltyKind[]? kinds = null, DiscretionChoice? discretion = null)
    {
        Evidence(on);
        kinds ??= fine is null ? [PenaltyKind.Warning] : [PenaltyKind.Fine];
        Case.Notify(Ctx, P.ZhangActs, new NoticeInput(P.D(on), kinds, fine, null, "销售超过保质期的食品", "《食品安全法》第一百二十四条", discretion))
            .ShouldSucceed();
        return this;
    }

    public CaseBuilder Waived(string on)
    {
        Case.RecordWaiver(Ctx, P.ZhangActs, P.D(on)).ShouldSucceed();
        return this;
    }

    public CaseBuilder Reviewed(string on)
    {
        Case.SubmitForReview(Ctx, P.ZhangActs, P.Zhao, P.D(on)).ShouldSucceed();
        Case.CompleteReview(Ctx, P.ZhaoReviews, P.AllConfirmed(), "同意", P.D(on)).Value.ShouldBe(ReviewOutcome.Passed);
        return this;
    }

    public CaseBuilder Decided(string on, decimal? fine = 1000m, PenaltyKind[]? kinds = null)
    {
        kinds ??= fine is null ? [PenaltyKind.Warning] : [PenaltyKind.Fine];
        Case.Decide(Ctx, P.Head, new DecisionInput(P.D(on), PenaltyOutcome.Penalty) { Kinds = kinds, Fine = fine }).ShouldSucceed();
        return this;
    }

    public CaseBuilder Served(string on)
    {
        Case.Serve(Ctx, P.ZhangActs, P.D(on), ServiceMethod.Direct).ShouldSucceed();
        return this;
    }

    /// <summary>Filed, notified with a waiver, decided and served on the same day: ready for execution.</summary>
    public static CaseBuilder ServedWithFine(string on, decimal fine = 1000m)
    {
        var b = Filed(on);
        return b.Notified(on, fine).Waived(on).Decided(on, fine).Served(on);
    }
}
