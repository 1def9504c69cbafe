using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.PenaltyCases;

/// <summary>The names a case's view shows for its ids: its agency, its power and every officer it names.</summary>
internal sealed record ViewNames(NamedCode Agency, NamedCode Power, IReadOnlyDictionary<long, (string CertificateNumber, string Name)> Officers,
    bool PowerOnMajorDecisionList = false);

/// <summary>A document number kept for one of the case's documents (kind name, which one of its kind, number).</summary>
internal sealed record KeptNumber(string Kind, int Item, string Number);

/// <summary>
/// The full view of a case for its caller: every part of the aggregate with Chinese names, the deadlines as of today
/// with rule and configured value, the steps this caller may take now, and the documents with their numbers.
/// What the view reads from the database (names and kept numbers) is read in one round trip of plain SQL, and a new
/// case's view is composed from names read before its transaction, so the view adds nothing to the time a filing
/// holds the write lock or its number series (ADR-012).
/// </summary>
public sealed class PenaltyCaseViewBuilder(ZhifaDbContext db)
{
    private static readonly PenaltyStage[] GeneralStages = Enum.GetValues<PenaltyStage>();
    private static readonly PenaltyStage[] SummaryStages = [PenaltyStage.Served, PenaltyStage.Executing, PenaltyStage.Closed, PenaltyStage.Archived];

    // Dapper spreads a list over IN (…) on SQLite; Npgsql takes it as one array parameter.
    private static string NamesSql(bool postgres) =>
        "SELECT a.code, a.name, p.code, p.name, CAST(CASE WHEN EXISTS (SELECT 1 FROM major_decision_list m WHERE m.power_id = p.id) THEN 1 ELSE 0 END AS bigint) " +
        "FROM agencies a CROSS JOIN powers p WHERE a.id = @agencyId AND p.id = @powerId;" +
        $"SELECT id, certificate_number, name FROM officers WHERE id {(postgres ? "= ANY(@officerIds)" : "IN @officerIds")};";

    private const string KeptSql = "SELECT kind, CAST(item AS bigint), number FROM penalty_case_documents WHERE case_id = @caseId;";

    public async Task<PenaltyCaseView> BuildAsync(PenaltyCase c, long version, PenaltyCaseDetails details, PenaltyContext ctx, PenaltyActor actor,
        CancellationToken ct = default)
    {
        var (names, kept) = await ReadAsync(c, withKept: true, ct);
        // The inspection the case was filed from (ADR-013); a new case gets it from PenaltyCaseFiling once linked.
        return Compose(c, version, details, ctx, actor, names, kept) with { SourceInspection = await PenaltyCaseSources.InspectionAsync(db, c.Id, ct) };
    }

    /// <summary>The names the view of <paramref name="c"/> shows; they do not change while a step runs.</summary>
    internal async Task<ViewNames> NamesAsync(PenaltyCase c, CancellationToken ct) => (await ReadAsync(c, withKept: false, ct)).Names;

    private async Task<(ViewNames Names, IReadOnlyList<KeptNumber> Kept)> ReadAsync(PenaltyCase c, bool withKept, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        var officerIds = c.Officers.Select(o => o.OfficerId).Concat(c.Reviews.Select(r => r.ReviewerOfficerId)).Distinct().ToArray();
        var sql = NamesSql(conn is Npgsql.NpgsqlConnection) + (withKept ? KeptSql : "");
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql,
            new { agencyId = c.AgencyId, powerId = c.PowerId, officerIds, caseId = c.Id },
            db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken: ct));
        var (agencyCode, agencyName, powerCode, powerName, listed) = await grid.ReadSingleAsync<(string, string, string, string, long)>();
        var officers = (await grid.ReadAsync<(long Id, string CertificateNumber, string Name)>())
            .ToDictionary(o => o.Id, o => (o.CertificateNumber, o.Name));
        var kept = withKept
            ? (await grid.ReadAsync<(string Kind, long Item, string Number)>()).Select(k => new KeptNumber(k.Kind, (int)k.Item, k.Number)).ToList()
            : [];
        return (new ViewNames(new NamedCode(agencyCode, agencyName), new NamedCode(powerCode, powerName), officers, listed != 0), kept);
    }

    /// <summary>The view from the case and what was read for it, without touching the database.</summary>
    internal static PenaltyCaseView Compose(PenaltyCase c, long version, PenaltyCaseDetails details, PenaltyContext ctx, PenaltyActor actor,
        ViewNames names, IReadOnlyList<KeptNumber> kept)
    {
        var (agency, power, certificates) = (names.Agency, names.Power, names.Officers);
        var today = ctx.Today;
        string? Certificate(long id) => certificates.TryGetValue(id, out var o) ? o.CertificateNumber : null;

        var party = new PartyView(c.Party.Type.ToString(), c.Party.Type.ToChinese(), c.Party.Name, c.Party.Identifier,
            details.PartyAddress, details.PartyPhone, details.PartyRepresentative);
        var reached = c.History.Select(h => h.To).ToHashSet();
        var stages = (c.Procedure == ProcedureType.Summary ? SummaryStages : GeneralStages)
            .Select(s => new StageView(s.ToString(), s.ToChinese(), reached.Contains(s), s == c.Stage)).ToList();
        var documents = PenaltyDocumentKinds.For(c).Select(k =>
        {
            var item = PenaltyDocumentKinds.Item(c, k.Kind);
            var number = kept.FirstOrDefault(d => d.Kind == k.Kind.ToString() && d.Item == item)?.Number;
            return new DocumentView(k.Route, Documents.DocumentKinds.Title(k.Kind), PenaltyDocumentKinds.Available(c, k.Kind), number,
                $"/api/v1/penalty-cases/{c.Id}/documents/{k.Route}");
        }).ToList();
        var steps = PenaltyStepRoutes.Distinct(c.AvailableSteps(actor, ctx.Publicity))
            .Select(s => new AvailableStepView(s.Route, s.Name, $"/api/v1/penalty-cases/{c.Id}/{s.Route}")).ToList();

        return new PenaltyCaseView(
            c.Id, c.Number ?? "", version, agency, power, c.Procedure.ToString(), c.Procedure.ToChinese(), c.Stage.ToString(), c.Stage.ToChinese(),
            party, c.CaseSummary, details.CaseSource, details.CaseCause, c.ActOn, c.ActEndedOn, c.DiscoveredOn, c.FiledOn, c.SeriousHarm,
            c.FilingApprovedBy, Significance(c.Significance), c.LegalReviewGrounds(names.PowerOnMajorDecisionList), c.CollectiveDiscussionGrounds(), stages,
            c.History.Select(h => new StepEntryView(PenaltyStepRoutes.Of(h.Step), h.Step.ToChinese(), h.From?.ToString(), h.To.ToString(),
                h.To.ToChinese(), h.UserName, h.Role, h.At)).ToList(),
            c.Officers.Select(o => new CaseOfficerView(Certificate(o.OfficerId), o.Name, o.AssignedOn, o.RecusedOn, o.RecusalReason, o.IsActive)).ToList(),
            c.Evidence.Select(e => new EvidenceItemView(e.Kind.ToString(), e.Kind.ToChinese(), e.Description, e.CollectedOn,
                e.CollectorIds.Select(id => certificates.TryGetValue(id, out var o) ? o.Name : id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                e.FileSha256, e.RecordedAt, e.RecordedBy)).ToList(),
            c.Notices.Select((n, i) => Notice(n, details.Hearings.GetValueOrDefault(i))).ToList(),
            c.Reviews.Select((r, i) => new ReviewView(i + 1, Certificate(r.ReviewerOfficerId), r.ReviewerName, r.SubmittedOn, r.SubmittedBy,
                r.Outcome.ToString(), r.Outcome.ToChinese(), r.CompletedOn, r.Opinion,
                r.Items.Select(x => new ReviewItemView(x.Item.ToString(), x.Item.ToChinese(), x.Confirmed, x.Reason)).ToList())).ToList(),
            c.Discussions.Select(d => new DiscussionView(d.HeldOn, d.Participants, d.Conclusion, d.RecordedBy)).ToList(),
            c.Extensions.Select(e => new ExtensionView(e.ApprovedOn, e.Days, e.Reason, e.ApprovedBy)).ToList(),
            Decision(c.Decision),
            c.ServedOn is { } served ? new ServiceView(served, c.ServiceMethod!.Value.ToString(), c.ServiceMethod.Value.ToChinese(),
                c.ServiceDueOn ?? served, c.ServedLate, details.ServicePlace) : null,
            Execution(c, ctx, today),
            c.Appeals.Select(a => new AppealView(a.Kind.ToString(), a.Kind.ToChinese(), a.StartedOn, a.EndedOn, a.Note)).ToList(),
            c.ClosedOn is { } closed ? new ClosingView(closed, c.ClosingReason!.Value.ToString(), c.ClosingReason.Value.ToChinese(), c.ClosingNote) : null,
            c.ArchivedOn,
            c.Deadlines(ctx.Calendar, ctx.Rules, today, ctx.Publicity).Select(d => new DeadlineView(d.Name, d.Due, d.Provisional, d.Rule, d.ConfiguredValue,
                Status(d.Status), d.Status.ToChinese())).ToList(),
            steps, documents) { Publication = Publication(c, ctx) };
    }

    private static PublicationView? Publication(PenaltyCase c, PenaltyContext ctx)
    {
        if (c.PublicationDue(ctx.Calendar, ctx.Publicity) is not { } due)
            return null;
        var rule = $"{PublicationRules.Basis}：{PublicationRules.ConfiguredText(ctx.Publicity)}内公示";
        if (c.PublishedOn is not { } on)
            return new PublicationView(due.Date, due.Provisional, rule, null, false, null, "未公示");
        var by = c.History.LastOrDefault(h => h.Step == PenaltyStep.Publish)?.UserName;
        // The limit the publication was measured against is kept: a calendar loaded later does not make it late or on time.
        var dueOn = c.PublicationDueOn ?? due.Date;
        return new PublicationView(dueOn, due.Provisional, rule, on, c.PublishedLate, by, c.PublishedLate ? "逾期公示" : "已按期公示");
    }

    /// <summary>ok, due-soon or overdue (api names of <see cref="DeadlineStatus"/>).</summary>
    public static string Status(DeadlineStatus status) => status switch
    {
        DeadlineStatus.DueSoon => "due-soon",
        DeadlineStatus.Overdue => "overdue",
        _ => "ok",
    };

    private static SignificanceView Significance(CaseSignificance s) =>
        new(s.MajorPublicInterest, s.ComplexOrDifficult, s.MajorViolation, s.OnMajorDecisionList);

    private static TermsView Terms(PenaltyTerms t) =>
        new(t.Kinds.Select(k => k.ToString()).ToList(), t.Kinds.Select(k => k.ToChinese()).ToList(), t.Fine, t.ConfiscationValue, t.Describe());

    private static DiscretionView? Discretion(DiscretionAssessment? d) => d is null ? null
        : new DiscretionView(d.BenchmarkId, d.Level.ToString(), d.Level.ToChinese(), d.MinFine, d.MaxFine, d.WithinRange, d.ReasonOutside);

    private static NoticeView Notice(PenaltyNotice n, HearingDetails? hearing) => new(n.NotifiedOn, Terms(n.Terms), n.Facts, n.Basis, n.HearingRight,
        n.WindowEndsOn, n.WindowProvisional, n.RightsText, Discretion(n.Discretion), n.WaivedOn, n.HearingRequestedOn,
        n.Hearing is { } h ? new HearingView(h.NoticeSentOn, h.HearingOn, hearing?.Time, h.ChairName, h.Place, hearing?.Clerk, h.HeldOn,
            h.PartyAttended, h.Summary) : null,
        n.Statements.Select(s => new StatementView(s.StatedOn, s.Content, s.RecordedAt, s.RecordedBy)).ToList());

    private static DecisionView? Decision(PenaltyDecision? d) => d is null ? null
        : new DecisionView(d.DecidedOn, d.Outcome.ToString(), d.Outcome.ToChinese(), d.DecidedBy, d.Terms is { } t ? Terms(t) : null,
            Discretion(d.Discretion), d.NoPenaltyGround?.ToString(), d.NoPenaltyGround?.ToChinese(), d.NoPenaltyReason, d.ExemptionItemId,
            d.ExemptionKind?.ToChinese(), d.EducationRecord);

    private static ExecutionView? Execution(PenaltyCase c, PenaltyContext ctx, DateOnly today)
    {
        if (c.Decision?.Fine is not > 0 || c.ServedOn is null)
            return null;
        return new ExecutionView(c.Arrangement.ToString(), c.Arrangement.ToChinese(), c.ArrangementApprovedOn, c.ArrangementApprovedBy,
            c.PaymentSchedule(ctx.Calendar, ctx.Rules).Select(i => new InstalmentView(i.DueOn, i.Amount)).ToList(),
            c.Payments.Select(p => new PaymentView(p.PaidOn, p.Amount, p.ReceiptNumber, p.RecordedAt, p.RecordedBy)).ToList(),
            c.Paid, c.Surcharge(ctx.Calendar, ctx.Rules, today), c.Outstanding(ctx.Calendar, ctx.Rules, today));
    }
}
