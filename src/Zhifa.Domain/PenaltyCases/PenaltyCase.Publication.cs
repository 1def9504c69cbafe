using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>The day the decision was published on the portal (公示日期); null while it is not.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>The publication limit the publication was measured against (国办发〔2018〕118号).</summary>
    public DateOnly? PublicationDueOn { get; private set; }

    /// <summary>Published after <see cref="PublicationDueOn"/>: accepted (publishing late beats not at all) but recorded.</summary>
    public bool PublishedLate { get; private set; }

    /// <summary>Why the decision cannot be published now (<see cref="PublicationRules.Publishable"/>); null when it can.</summary>
    public DomainError? PublicationRefusal(PublicityRules publicity) => PublicationRules.Publishable(Procedure, Decision, PublishedOn, publicity);

    /// <summary>The publication limit of the decision, while there is a general-procedure decision; null otherwise.</summary>
    public Deadline? PublicationDue(WorkingDayCalendar calendar, PublicityRules publicity) =>
        Procedure == ProcedureType.General && Decision is { } decision ? PublicationRules.PublicationDue(calendar, publicity, decision.DecidedOn) : null;

    /// <summary>
    /// 公示 of the decision, today, by the agency head or a system administrator (as a withdrawal, ADR-008). Publishing
    /// after the limit is allowed, because the law still wants the decision public, and <see cref="PublishedLate"/>
    /// records the breach. The stage does not change.
    /// </summary>
    public DomainError? Publish(PenaltyContext ctx, PenaltyActor actor)
    {
        // The publication rules first: they name the rule, where the table would only say the stage is wrong.
        if (PublicationRefusal(ctx.Publicity) is { } refusal)
            return refusal;
        var next = Begin(PenaltyStep.Publish, actor);
        if (!next.IsSuccess)
            return next.Error;

        var due = PublicationRules.PublicationDue(ctx.Calendar, ctx.Publicity, Decision!.DecidedOn).Date;
        PublishedOn = ctx.Today;
        PublicationDueOn = due;
        PublishedLate = ctx.Today > due;
        Advance(PenaltyStep.Publish, next.Value, actor, ctx.Now);
        return null;
    }
}
