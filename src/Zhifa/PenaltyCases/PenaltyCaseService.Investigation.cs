using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

// The steps before the decision: officers, classification, extensions, evidence, notice, statement and hearing.
public sealed partial class PenaltyCaseService
{
    public Task<Outcome<PenaltyCaseView>> AssignOfficerAsync(long id, AssignOfficerRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "assign-officer", async (s, ct) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.On, "on", "指派日期");
            var officer = await lookups.OfficerAsync(r.CertificateNumber, "certificateNumber", "执法人员", check, ct);
            return check.Failed ? check.Error
                : Refuse(s.Case.AssignOfficer(s.Context, s.Actor, officer!, on), ("date", "on"), ("officers", "certificateNumber"));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordRecusalAsync(long id, RecordRecusalRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-recusal", async (s, ct) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.On, "on", "回避决定日期");
            var reason = check.Text(r.Reason, "reason", "回避理由");
            var officer = await lookups.OfficerAsync(r.CertificateNumber, "certificateNumber", "回避的执法人员", check, ct);
            return check.Failed ? check.Error
                : Refuse(s.Case.RecordRecusal(s.Context, s.Actor, officer!.OfficerId, on, reason), ("date", "on"), ("officers", "certificateNumber"));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ClassifyAsync(long id, ClassifyRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "classify", async (s, ct) =>
        {
            var check = new RequestCheck();
            if (r.Significance is null)
                check.Add("significance", "请填写案件情形 significance");
            if (check.Failed)
                return check.Error;
            var significance = await MarkedByTheListAsync(check.Significance(r.Significance), s.Case.PowerId, ct);
            return Refuse(s.Case.Classify(s.Context, s.Actor, significance));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ApproveExtensionAsync(long id, ApproveExtensionRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "approve-extension", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ApprovedOn, "approvedOn", "批准日期");
            var days = check.Value(r.Days, "days", "延长天数");
            var reason = check.Text(r.Reason, "reason", "延长理由");
            return Task.FromResult(check.Failed ? check.Error
                : Refuse(s.Case.ApproveExtension(s.Context, s.Actor, on, days, reason), ("date", "approvedOn"), ("days", "days")));
        }, ct);

    /// <summary>
    /// 调查取证: one evidence item; the uploaded files it names (<see cref="RecordEvidenceRequest.EvidenceFileIds"/>) are
    /// attached to it once the step is saved (<c>evidence_files.evidence_item</c>; the step's record entry lists them).
    /// </summary>
    public async Task<Outcome<PenaltyCaseView>> RecordEvidenceAsync(long id, RecordEvidenceRequest r, CancellationToken ct = default)
    {
        var files = EvidenceFiles.Of(r);
        var recorded = await RunAsync(id, r, "record-evidence", async (s, ct) =>
        {
            var check = new RequestCheck();
            var kind = check.Enum<EvidenceKind>(r.Kind, "kind", "证据种类", EvidenceKindNames.ToChinese);
            var description = check.Text(r.Description, "description", "证据说明");
            var on = check.Date(r.CollectedOn, "collectedOn", "取证日期");
            var collectors = await lookups.OfficersAsync(r.Collectors, "collectors", check, ct);
            var sha = await lookups.EvidenceFileHashAsync(id, r.EvidenceFileId, check, ct);
            var hashes = await lookups.UnattachedEvidenceFilesAsync(id, (r.EvidenceFileIds ?? []).Distinct().ToList(), check, ct);
            sha ??= hashes.FirstOrDefault();
            return check.Failed ? check.Error
                : Refuse(s.Case.RecordEvidence(s.Context, s.Actor, new EvidenceInput(kind, description, on, sha), collectors),
                    ("date", "collectedOn"), ("officers", "collectors"));
        }, ct);
        if (recorded.IsSuccess && files.Count > 0)
            await lookups.AttachEvidenceFilesAsync(id, files, recorded.Value.Evidence.Count, ct);
        return recorded;
    }

    public Task<Outcome<PenaltyCaseView>> NotifyAsync(long id, NotifyRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "notify", async (s, ct) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.NotifiedOn, "notifiedOn", "告知日期");
            var kinds = check.Enums<PenaltyKind>(r.Kinds, "kinds", "处罚种类", PenaltyKindNames.ToChinese);
            var facts = check.Text(r.Facts, "facts", "违法事实");
            var basis = check.Text(r.Basis, "basis", "处罚依据");
            var discretion = await lookups.DiscretionAsync(r.Discretion, check, ct);
            return check.Failed ? check.Error
                : Refuse(s.Case.Notify(s.Context, s.Actor, new NoticeInput(on, kinds, r.Fine, r.ConfiscationValue, facts, basis, discretion)),
                    ("date", "notifiedOn"), ("terms", "kinds"), ("amount", "fine"), ("discretion", "discretion"), ("officers", "officers"));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordStatementAsync(long id, RecordStatementRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-statement", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.StatedOn, "statedOn", "陈述申辩日期");
            var content = check.Text(r.Content, "content", "陈述申辩内容", 10000);
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.RecordStatement(s.Context, s.Actor, on, content), ("date", "statedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordWaiverAsync(long id, RecordWaiverRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-waiver", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.WaivedOn, "waivedOn", "放弃日期");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.RecordWaiver(s.Context, s.Actor, on), ("date", "waivedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RequestHearingAsync(long id, RequestHearingRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "request-hearing", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.RequestedOn, "requestedOn", "听证申请日期");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.RequestHearing(s.Context, s.Actor, on), ("date", "requestedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ScheduleHearingAsync(long id, ScheduleHearingRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "schedule-hearing", async (s, ct) =>
        {
            var check = new RequestCheck();
            var sentOn = check.Date(r.NoticeSentOn, "noticeSentOn", "听证通知日期");
            var hearingOn = check.Date(r.HearingOn, "hearingOn", "听证日期");
            var chair = check.Text(r.ChairName, "chairName", "听证主持人", 100);
            var place = check.Text(r.Place, "place", "听证地点", 200);
            var time = check.Time(r.Time, "time", "听证时间", required: true); // the 听证通知书 states the hour
            var clerk = check.Optional(r.Clerk, "clerk", "记录员", 100);
            var chairOfficer = string.IsNullOrWhiteSpace(r.ChairCertificateNumber) ? null
                : await lookups.OfficerAsync(r.ChairCertificateNumber, "chairCertificateNumber", "听证主持人", check, ct);
            if (check.Failed)
                return check.Error;
            var result = Refuse(s.Case.ScheduleHearing(s.Context, s.Actor, new HearingInput(sentOn, hearingOn, chairOfficer?.OfficerId, chair, place)),
                ("date", "noticeSentOn"), ("hearing", "hearingOn"), ("chair", "chairName"));
            var hearing = new HearingDetails(time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), clerk);
            return result.Error is null ? new StepResult(null, s.Details.WithHearing(s.Case.Notices.Count - 1, hearing)) : result;
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordHearingAsync(long id, RecordHearingRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-hearing", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.HeldOn, "heldOn", "听证举行日期");
            var attended = check.Value(r.PartyAttended, "partyAttended", "当事人是否出席");
            var summary = check.Text(r.Summary, "summary", "听证笔录摘要", 10000);
            return Task.FromResult(check.Failed ? check.Error
                : Refuse(s.Case.RecordHearing(s.Context, s.Actor, on, attended, summary), ("date", "heldOn")));
        }, ct);
}
