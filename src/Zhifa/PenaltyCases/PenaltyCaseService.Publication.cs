using Zhifa.Data.Publicity;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

// 公示: the decision of a general-procedure case goes onto the public portal (ADR-016).
public sealed partial class PenaltyCaseService
{
    /// <summary>
    /// 公示处罚决定 (agency head of the case's agency, or a system administrator), dated today. In the step's transaction the
    /// case row gets its publication date and the search table its row (<see cref="PublishedDecisions.PublishCaseAsync"/>),
    /// so the portal shows the decision from the commit on, masked as ADR-008 says. A late publication is accepted and recorded
    /// as late (in the case and in its record entry).
    /// </summary>
    public Task<Outcome<PenaltyCaseView>> PublishAsync(long id, PublishRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "publish",
            (s, _) => Task.FromResult(Refuse(s.Case.Publish(s.Context, s.Actor))), ct,
            alsoWrite: async (conn, tx, c, ct) => await PublishedDecisions.PublishCaseAsync(conn, tx, c.Id, c.PublishedOn!.Value, ct)
                ? null
                // The case row was published by someone else (an import naming the same case) since the case was loaded.
                : AppError.Rule(new DomainError("penalty.already_published",
                    $"本案处罚决定已经公示，不能重复公示（{PublicationRules.Basis}）")),
            outcome: c => new { publishedOn = c.PublishedOn, dueOn = c.PublicationDueOn, late = c.PublishedLate });
}
