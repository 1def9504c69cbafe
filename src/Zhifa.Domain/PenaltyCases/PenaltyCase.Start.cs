using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>Input of <see cref="PenaltyCase.File"/> (立案审批表).</summary>
public sealed record FilingInput(long AgencyId, long PowerId, PenaltyParty Party, DateOnly ActOn, DateOnly DiscoveredOn,
    DateOnly FiledOn, string CaseSummary)
{
    /// <summary>End of a continuing act; for an act still going on at discovery, the discovery date.</summary>
    public DateOnly? ActEndedOn { get; init; }

    /// <summary>Life, health or financial security involved with harm (第三十六条, 5 years).</summary>
    public bool SeriousHarm { get; init; }
    public CaseSignificance Significance { get; init; } = CaseSignificance.None;
}

/// <summary>Input of <see cref="PenaltyCase.DecideOnTheSpot"/> (当场处罚决定书).</summary>
public sealed record SummaryInput(long AgencyId, long PowerId, PenaltyParty Party, DateOnly ActOn, DateOnly DecidedOn,
    IReadOnlyList<PenaltyKind> Kinds, decimal? Fine, string Facts, string Basis)
{
    /// <summary>The party's statement and defence heard on the spot (第五十二条), if any.</summary>
    public string? PartyStatement { get; init; }
}

public sealed partial class PenaltyCase
{
    /// <summary>
    /// 立案: the agency head approves the filing of a general-procedure case with its officers. Refused past the
    /// limitation of 第三十六条 or without two certified officers of the agency (第四十二条).
    /// </summary>
    public static Result<PenaltyCase> File(PenaltyContext ctx, PenaltyActor approver, FilingInput input, IReadOnlyList<OfficerFacts> officers)
    {
        var next = PenaltyWorkflow.Check(null, PenaltyStep.ApproveFiling, approver.Role);
        if (!next.IsSuccess)
            return next.Error;
        var error = SameAgency(approver, input.AgencyId)
            ?? Guard.Text(input.CaseSummary, "案情摘要")
            ?? Guard.StepDate(input.FiledOn, ctx.Today, input.DiscoveredOn, "立案日期", "发现日期")
            ?? LimitationRule.Check(input.ActOn, input.ActEndedOn, input.DiscoveredOn, input.SeriousHarm, ctx.Rules)
            ?? OfficerRules.TwoCertifiedOfficers(officers, input.AgencyId, input.FiledOn, "立案调查");
        if (error is not null)
            return error;

        var @case = new PenaltyCase
        {
            AgencyId = input.AgencyId,
            PowerId = input.PowerId,
            Procedure = ProcedureType.General,
            Party = input.Party,
            CaseSummary = input.CaseSummary.Trim(),
            ActOn = input.ActOn,
            ActEndedOn = input.ActEndedOn,
            DiscoveredOn = input.DiscoveredOn,
            FiledOn = input.FiledOn,
            SeriousHarm = input.SeriousHarm,
            Significance = input.Significance,
            FilingApprovedBy = approver.UserName,
        };
        @case.AddOfficers(officers, input.FiledOn);
        @case.Advance(PenaltyStep.ApproveFiling, next.Value, approver, ctx.Now);
        return @case;
    }

    /// <summary>
    /// 简易程序: two officers decide a warning or a small fine on the spot and hand the decision over at once,
    /// so the case starts served (第五十一、五十二条). The facts, basis and rights told on the spot are kept as its notice.
    /// </summary>
    public static Result<PenaltyCase> DecideOnTheSpot(PenaltyContext ctx, PenaltyActor officer, SummaryInput input, IReadOnlyList<OfficerFacts> officers)
    {
        var next = PenaltyWorkflow.Check(null, PenaltyStep.DecideOnTheSpot, officer.Role);
        if (!next.IsSuccess)
            return next.Error;
        var error = SameAgency(officer, input.AgencyId)
            ?? (officers.Any(o => o.OfficerId == officer.OfficerId)
                ? null
                : Guard.Error("not_case_officer", $"{officer.UserName}不是作出当场处罚的执法人员"))
            ?? Guard.Text(input.Facts, "违法事实")
            ?? Guard.Text(input.Basis, "处罚依据")
            ?? Guard.StepDate(input.DecidedOn, ctx.Today, input.ActOn, "处罚决定日期", "违法行为发生日期")
            ?? LimitationRule.Check(input.ActOn, null, input.DecidedOn, false, ctx.Rules);
        if (error is not null)
            return error;
        var terms = PenaltyTerms.Create(input.Kinds, input.Fine, null);
        if (!terms.IsSuccess)
            return terms.Error;
        error = SummaryProcedureRule.Check(terms.Value, input.Party.Type, ctx.Rules)
            ?? OfficerRules.TwoCertifiedOfficers(officers, input.AgencyId, input.DecidedOn, "当场作出行政处罚决定");
        if (error is not null)
            return error;

        var on = input.DecidedOn;
        var notice = new PenaltyNotice(on, terms.Value, input.Facts.Trim(), input.Basis.Trim(), hearingRight: false, on, false, null);
        if (!string.IsNullOrWhiteSpace(input.PartyStatement))
            notice.AddStatement(new PartyStatement(on, input.PartyStatement.Trim(), ctx.Now, officer.UserName));
        var @case = new PenaltyCase
        {
            AgencyId = input.AgencyId,
            PowerId = input.PowerId,
            Procedure = ProcedureType.Summary,
            Party = input.Party,
            CaseSummary = input.Facts.Trim(),
            ActOn = input.ActOn,
            DiscoveredOn = on,
            FiledOn = on,
            FilingApprovedBy = officer.UserName,
            Decision = PenaltyDecision.Penalise(on, terms.Value, null, officer.UserName),
            ServedOn = on,
            ServiceMethod = PenaltyCases.ServiceMethod.AtAnnouncement,
            ServiceDueOn = on,
        };
        @case._notices.Add(notice);
        @case.AddOfficers(officers, on);
        @case.Advance(PenaltyStep.DecideOnTheSpot, next.Value, officer, ctx.Now);
        return @case;
    }

    private void AddOfficers(IEnumerable<OfficerFacts> officers, DateOnly on) =>
        _officers.AddRange(officers.DistinctBy(o => o.OfficerId).Select(o => new PenaltyCaseOfficer(o.OfficerId, o.Name, on)));

    private static DomainError? SameAgency(PenaltyActor actor, long agencyId) =>
        actor.AgencyId == agencyId ? null : Guard.Error("other_agency", "不能为其他执法机关立案或作出处罚");
}
