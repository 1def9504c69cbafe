using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Inspections;

/// <summary>What the officers enter for an inspection (the agency is the caller's, never the input's).</summary>
public sealed record InspectionInput(long AgencyId, DateOnly InspectedOn, PartyType PartyType, string? PartyName, string? PartyIdNumber,
    string? PartyIdAbsentReason, string? Location, string? Findings, InspectionResult Result, DateOnly? RectificationDeadline);

/// <summary>An officer who conducted the inspection, as named on it.</summary>
public sealed record InspectionOfficer(long OfficerId, string Name);

/// <summary>The facts fixed when an inspection is recorded; they never change afterwards.</summary>
public sealed record InspectionFacts(long AgencyId, long PowerId, IReadOnlyList<InspectionOfficer> Officers, InspectionParty Party,
    DateOnly InspectedOn, string? Location, string Findings, InspectionResult Result, DateOnly? RectificationDeadline,
    string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// 行政检查: one inspection of a party by at least two certified officers of an agency under one of its inspection
/// powers, with its findings and result. 责令改正 stays open until the party's rectification is recorded; 移交立案 waits
/// for the referral, which hands the findings over for a penalty case. Every refused step returns a
/// <see cref="DomainError"/> and leaves the inspection unchanged.
/// </summary>
public sealed class Inspection
{
    private Inspection(InspectionFacts facts) => Facts = facts;

    public InspectionFacts Facts { get; }
    public DateOnly? RectifiedOn { get; private set; }
    public string? RectificationNote { get; private set; }
    public DateOnly? ReferredOn { get; private set; }
    public string? ReferredBy { get; private set; }

    /// <summary>The penalty case opened from the referral, once the penalty-case module has opened one.</summary>
    public long? PenaltyCaseId { get; private set; }

    /// <summary>结案日期 of the case row: the inspection date, or for 责令改正 the day the rectification was recorded.</summary>
    public DateOnly? ClosedOn => Facts.Result == InspectionResult.Rectify ? RectifiedOn : Facts.InspectedOn;

    /// <summary>
    /// Records an inspection. The checks run in the order of the form: the date, the power, the officers, the party,
    /// the findings and location, then the result with its deadline; the first broken rule is returned.
    /// </summary>
    public static Result<Inspection> Record(TimeProvider clock, string actor, InspectionInput input, Power power, IReadOnlyList<OfficerFacts> officers)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(power);
        ArgumentNullException.ThrowIfNull(officers);
        var on = input.InspectedOn;
        var error = InspectionRules.NotInFuture(on, Today(clock), "检查日期")
            ?? InspectionRules.InspectionPowerOfTheAgency(power, input.AgencyId, on)
            ?? InspectionRules.TwoCertifiedOfficers(officers, input.AgencyId, on);
        if (error is not null)
            return error;
        var party = InspectionParty.Create(input.PartyType, input.PartyName, input.PartyIdNumber, input.PartyIdAbsentReason);
        if (!party.IsSuccess)
            return party.Error;
        error = InspectionRules.FindingsGiven(input.Findings)
            ?? InspectionRules.LocationFits(input.Location)
            ?? InspectionRules.RectificationDeadline(input.Result, input.RectificationDeadline, on);
        if (error is not null)
            return error;

        var named = officers.DistinctBy(o => o.OfficerId).Select(o => new InspectionOfficer(o.OfficerId, o.Name)).ToList();
        var location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        return new Inspection(new InspectionFacts(input.AgencyId, power.Id, named, party.Value, on, location, input.Findings!.Trim(),
            input.Result, input.RectificationDeadline, actor, clock.GetUtcNow()));
    }

    /// <summary>
    /// 整改完成: the party corrected what 责令改正 required. A rectification after the deadline is still recorded — the
    /// party did correct — and shows as late (<see cref="RectifiedLate"/>); it is never refused.
    /// </summary>
    public DomainError? RecordRectification(TimeProvider clock, DateOnly on, string? note)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Facts.Result != InspectionResult.Rectify)
            return InspectionRules.Error("not_rectification", $"检查结果为{Facts.Result.ToChinese()}，没有需要整改的事项");
        if (RectifiedOn is { } done)
            return InspectionRules.Error("already_rectified", $"已于{InspectionRules.Day(done)}记录整改完成");
        var error = InspectionRules.NotInFuture(on, Today(clock), "整改完成日期")
            ?? InspectionRules.NotBeforeInspection(on, Facts.InspectedOn, "整改完成日期")
            ?? (string.IsNullOrWhiteSpace(note) ? InspectionRules.Error("note_required", "请填写整改情况说明") : null)
            ?? InspectionRules.NoteFits(note, "整改情况说明");
        if (error is not null)
            return error;
        RectifiedOn = on;
        RectificationNote = note!.Trim();
        return null;
    }

    /// <summary>
    /// 移交立案: hands the findings over for a penalty case. Only an inspection whose result is 移交立案, and only once.
    /// A 责令改正 the party did not carry out is followed up by a new inspection (复查) whose result is 移交立案, so that
    /// the decision to refer is itself recorded with its officers and findings.
    /// </summary>
    public DomainError? Refer(TimeProvider clock, string actor, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Facts.Result != InspectionResult.Referral)
            return InspectionRules.Error("not_referral",
                $"检查结果为{Facts.Result.ToChinese()}，不能移交立案；如需立案查处，请复查并记录检查结果为移交立案的检查");
        if (ReferredOn is { } done)
            return InspectionRules.Error("already_referred", $"已于{InspectionRules.Day(done)}移交立案");
        var error = InspectionRules.NotInFuture(on, Today(clock), "移交日期")
            ?? InspectionRules.NotBeforeInspection(on, Facts.InspectedOn, "移交日期");
        if (error is not null)
            return error;
        ReferredOn = on;
        ReferredBy = actor;
        return null;
    }

    /// <summary>Links the penalty case opened from the referral; a referral opens at most one case.</summary>
    public DomainError? LinkPenaltyCase(long penaltyCaseId)
    {
        if (ReferredOn is null)
            return InspectionRules.Error("not_referred", "尚未移交立案，不能关联处罚案件");
        if (PenaltyCaseId is { } linked && linked != penaltyCaseId)
            return InspectionRules.Error("penalty_case_linked", $"已关联处罚案件{linked}");
        PenaltyCaseId = penaltyCaseId;
        return null;
    }

    public bool RectifiedLate => RectifiedOn is { } on && Facts.RectificationDeadline is { } due && on > due;

    public InspectionStatus StatusOn(DateOnly today) => Facts.Result switch
    {
        InspectionResult.NoProblem => InspectionStatus.Closed,
        InspectionResult.Rectify when RectifiedOn is not null => InspectionStatus.Rectified,
        InspectionResult.Rectify => Facts.RectificationDeadline < today ? InspectionStatus.RectifyOverdue : InspectionStatus.Rectifying,
        _ => ReferredOn is null ? InspectionStatus.AwaitingReferral : InspectionStatus.Referred,
    };

    /// <summary>An inspection as stored: its facts and follow-up, taken as they are.</summary>
    public static Inspection Restore(InspectionFacts facts, DateOnly? rectifiedOn, string? rectificationNote, DateOnly? referredOn,
        string? referredBy, long? penaltyCaseId) => new(facts)
    {
        RectifiedOn = rectifiedOn,
        RectificationNote = rectificationNote,
        ReferredOn = referredOn,
        ReferredBy = referredBy,
        PenaltyCaseId = penaltyCaseId,
    };

    /// <summary>Today in the platform's time zone (the host's local zone, China Standard Time in production).</summary>
    public static DateOnly Today(TimeProvider clock) => clock.Today();
}
