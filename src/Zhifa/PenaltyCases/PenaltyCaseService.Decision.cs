using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

// Legal review, collective discussion, the decision and its service, execution, closing and archiving.
public sealed partial class PenaltyCaseService
{
    public Task<Outcome<PenaltyCaseView>> SubmitReviewAsync(long id, SubmitReviewRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "submit-review", async (s, ct) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.SubmittedOn, "submittedOn", "提交审核日期");
            var reviewer = await lookups.OfficerAsync(r.ReviewerCertificateNumber, "reviewerCertificateNumber", "法制审核人员", check, ct);
            return check.Failed ? check.Error
                : Refuse(s.Case.SubmitForReview(s.Context, s.Actor, reviewer!, on), ("date", "submittedOn"), ("reviewer", "reviewerCertificateNumber"));
        }, ct);

    /// <summary>完成法制审核 by the assigned reviewer: all nine items confirmed passes, any returned item (with its reason) returns the case.</summary>
    public Task<Outcome<PenaltyCaseView>> CompleteReviewAsync(long id, CompleteReviewRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "complete-review", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.CompletedOn, "completedOn", "审核日期");
            var items = (r.Items ?? []).Select((item, i) => new ReviewItemResult(
                check.Enum<ReviewChecklistItem>(item.Item, $"items[{i}].item", "审核事项", LegalReviewNames.ToChinese),
                check.Value(item.Confirmed, $"items[{i}].confirmed", "审核结论(confirmed)"),
                string.IsNullOrWhiteSpace(item.Reason) ? null : item.Reason.Trim())).ToList();
            var opinion = check.Optional(r.Opinion, "opinion", "审核意见");
            if (check.Failed)
                return Task.FromResult<StepResult>(check.Error);
            var completed = s.Case.CompleteReview(s.Context, s.Actor, items, opinion, on);
            return Task.FromResult(completed.IsSuccess ? StepResult.Done : Refuse(completed.Error, ("date", "completedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordDiscussionAsync(long id, RecordDiscussionRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-discussion", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.HeldOn, "heldOn", "集体讨论日期");
            var conclusion = check.Text(r.Conclusion, "conclusion", "集体讨论结论", 10000);
            return Task.FromResult(check.Failed ? check.Error
                : Refuse(s.Case.RecordDiscussion(s.Context, s.Actor, on, r.Participants ?? [], conclusion), ("date", "heldOn")));
        }, ct);

    /// <summary>作出决定 (agency head): a penalty within what was notified, or no penalty on a named ground.</summary>
    public Task<Outcome<PenaltyCaseView>> DecideAsync(long id, DecideRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "decide", async (s, ct) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.DecidedOn, "decidedOn", "决定日期");
            var outcome = check.Enum<PenaltyOutcome>(r.Outcome, "outcome", "决定类型", PenaltyDecisionNames.ToChinese);
            var kinds = check.Enums<PenaltyKind>(r.Kinds, "kinds", "处罚种类", PenaltyKindNames.ToChinese);
            var ground = check.OptionalEnum<NoPenaltyGround>(r.NoPenaltyGround, "noPenaltyGround", "不予处罚的理由", PenaltyDecisionNames.ToChinese);
            var discretion = await lookups.DiscretionAsync(r.Discretion, check, ct);
            var exemption = await lookups.ExemptionAsync(r.ExemptionItemId, check, ct);
            if (check.Failed)
                return check.Error;
            var input = new DecisionInput(on, outcome)
            {
                Kinds = kinds, Fine = r.Fine, ConfiscationValue = r.ConfiscationValue, Discretion = discretion, NoPenaltyGround = ground,
                NoPenaltyReason = r.NoPenaltyReason, Exemption = exemption, EducationRecord = r.EducationRecord,
            };
            return Refuse(s.Case.Decide(s.Context, s.Actor, input), ("date", "decidedOn"), ("terms", "kinds"), ("amount", "fine"),
                ("discretion", "discretion"), ("exemption", "exemptionItemId"));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ServeAsync(long id, ServeRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "serve", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ServedOn, "servedOn", "送达日期");
            var method = check.Enum<ServiceMethod>(r.Method, "method", "送达方式", PenaltyDecisionNames.ToChinese);
            var place = check.Optional(r.Place, "place", "送达地点", 200);
            if (check.Failed)
                return Task.FromResult<StepResult>(check.Error);
            var result = Refuse(s.Case.Serve(s.Context, s.Actor, on, method), ("date", "servedOn"));
            return Task.FromResult(result.Error is null ? new StepResult(null, s.Details with { ServicePlace = place }) : result);
        }, ct);

    public Task<Outcome<PenaltyCaseView>> RecordPaymentAsync(long id, RecordPaymentRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "record-payment", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.PaidOn, "paidOn", "缴款日期");
            var amount = check.Value(r.Amount, "amount", "缴款金额");
            var receipt = check.Optional(r.ReceiptNumber, "receiptNumber", "票据号", 100);
            return Task.FromResult(check.Failed ? check.Error
                : Refuse(s.Case.RecordPayment(s.Context, s.Actor, on, amount, receipt), ("date", "paidOn"), ("amount", "amount")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ApproveInstalmentsAsync(long id, ApproveInstalmentsRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "approve-instalments", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ApprovedOn, "approvedOn", "批准日期");
            var plan = (r.Instalments ?? []).Select((x, i) => new Instalment(
                check.Date(x.DueOn, $"instalments[{i}].dueOn", "本期缴纳日期"), check.Value(x.Amount, $"instalments[{i}].amount", "本期金额"))).ToList();
            return Task.FromResult(check.Failed ? check.Error
                : Refuse(s.Case.ApproveInstalments(s.Context, s.Actor, on, plan), ("date", "approvedOn"), ("instalments", "instalments"), ("amount", "instalments")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ApproveDeferralAsync(long id, ApproveDeferralRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "approve-deferral", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ApprovedOn, "approvedOn", "批准日期");
            var due = check.Date(r.NewDueOn, "newDueOn", "延期后的缴纳日期");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.ApproveDeferral(s.Context, s.Actor, on, due), ("date", "approvedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> StartAppealAsync(long id, StartAppealRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "start-appeal", (s, _) =>
        {
            var check = new RequestCheck();
            var kind = check.Enum<AppealKind>(r.Kind, "kind", "复议或诉讼", ExecutionNames.ToChinese);
            var on = check.Date(r.StartedOn, "startedOn", "申请复议或起诉日期");
            var note = check.Text(r.Note, "note", "复议或诉讼情况");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.StartAppeal(s.Context, s.Actor, kind, on, note), ("date", "startedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> EndAppealAsync(long id, EndAppealRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "end-appeal", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.EndedOn, "endedOn", "复议或诉讼结束日期");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.EndAppeal(s.Context, s.Actor, on), ("date", "endedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> CloseAsync(long id, CloseRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "close", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ClosedOn, "closedOn", "结案日期");
            var reason = check.Enum<ClosingReason>(r.Reason, "reason", "结案理由", ExecutionNames.ToChinese);
            var note = check.Optional(r.Note, "note", "情况说明");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.Close(s.Context, s.Actor, on, reason, note), ("date", "closedOn")));
        }, ct);

    public Task<Outcome<PenaltyCaseView>> ArchiveAsync(long id, ArchiveRequest r, CancellationToken ct = default) =>
        RunAsync(id, r, "archive", (s, _) =>
        {
            var check = new RequestCheck();
            var on = check.Date(r.ArchivedOn, "archivedOn", "归档日期");
            return Task.FromResult(check.Failed ? check.Error : Refuse(s.Case.Archive(s.Context, s.Actor, on), ("date", "archivedOn")));
        }, ct);
}
