using Zhifa.Domain.Common;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// What every step needs besides its input: the working-day calendar, the configured rules (per province or
/// sector) and the clock. Built once per request by the application service.
/// </summary>
public sealed record PenaltyContext(WorkingDayCalendar Calendar, PenaltyRules Rules, TimeProvider Clock)
{
    /// <summary>The publication limits in force (configuration section <c>Publicity</c>), for 公示 and its deadline.</summary>
    public PublicityRules Publicity { get; init; } = new();

    /// <summary>
    /// The case's power is on its agency's 重大执法决定法制审核目录 now (ADR-022): a decision then needs a passed legal review
    /// even when the case was filed before the power was listed (行政处罚法 第五十八条(四)).
    /// </summary>
    public bool PowerOnMajorDecisionList { get; init; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today in the platform's time zone: the clock's local zone, which the host sets to China Standard Time (PlatformClock).</summary>
    public DateOnly Today => Clock.Today();
}

/// <summary>
/// Who takes a step: the account's user name and role, the agency of an agency-bound role, and the officer
/// linked to the account (an officer's or a reviewer's certificate number as user name, ADR-002).
/// </summary>
public sealed record PenaltyActor(string UserName, string Role, long? AgencyId, long? OfficerId = null);

/// <summary>
/// The facts about an officer a rule needs, read by the caller from the officers module: the case never
/// loads officers itself. <paramref name="MayActOn"/> is true when the certificate is valid and not suspended on a day.
/// </summary>
public sealed record OfficerFacts(long OfficerId, string Name, long AgencyId, bool IsLegalReviewer, Func<DateOnly, bool> MayActOn)
{
    public static OfficerFacts From(Officer officer) =>
        new(officer.Id, officer.Name, officer.AgencyId, officer.IsLegalReviewer, officer.MayActOn);
}
