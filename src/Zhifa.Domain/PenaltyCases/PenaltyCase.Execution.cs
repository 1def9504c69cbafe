using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>
    /// When the fine falls due: the approved instalments or deferred date, otherwise the whole fine on the
    /// 第六十七条 date after service. Empty when there is no fine or the decision is not served yet.
    /// </summary>
    public IReadOnlyList<Instalment> PaymentSchedule(WorkingDayCalendar calendar, PenaltyRules rules)
    {
        if (_instalments.Count > 0)
            return _instalments;
        return Decision?.Fine is > 0 && ServedOn is { } served
            ? [new Instalment(PaymentRules.PaymentDue(calendar, rules, served).Date, Decision.Fine)]
            : [];
    }

    public decimal Paid => _payments.Sum(p => p.Amount);

    /// <summary>加处罚款 owed as of a day (第七十二、七十三条).</summary>
    public decimal Surcharge(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly asOf) =>
        PaymentRules.Surcharge(Decision?.Fine ?? 0, PaymentSchedule(calendar, rules), _payments, _appeals, rules, asOf);

    /// <summary>Fine plus surcharge not yet paid as of a day.</summary>
    public decimal Outstanding(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly asOf) =>
        (Decision?.Fine ?? 0) + Surcharge(calendar, rules, asOf) - _payments.Where(p => p.PaidOn <= asOf).Sum(p => p.Amount);

    /// <summary>
    /// 登记缴款: at most what is owed on the day (fine first, then surcharge). Payments are recorded in date order,
    /// because a payment slipped in before a later one would change the surcharge that later one was checked against.
    /// </summary>
    public DomainError? RecordPayment(PenaltyContext ctx, PenaltyActor actor, DateOnly paidOn, decimal amount, string? receiptNumber)
    {
        var next = Begin(PenaltyStep.RecordPayment, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = HasFine()
            ?? Guard.Amount(amount, "缴款金额")
            ?? Guard.StepDate(paidOn, ctx.Today, ServedOn!.Value, "缴款日期", "送达日期")
            ?? (_payments.Count > 0 ? Guard.NotBefore(paidOn, _payments.Max(p => p.PaidOn), "缴款日期", "上一笔缴款日期") : null);
        if (error is not null)
            return error;
        var owed = Outstanding(ctx.Calendar, ctx.Rules, paidOn);
        if (amount > owed)
            return Guard.Error("overpayment", $"缴款{Fmt.Yuan(amount)}超过{Fmt.Date(paidOn)}应缴的{Fmt.Yuan(owed)}（罚款及加处罚款）");

        _payments.Add(new Payment(paidOn, amount, string.IsNullOrWhiteSpace(receiptNumber) ? null : receiptNumber.Trim(), ctx.Now, actor.UserName));
        Advance(PenaltyStep.RecordPayment, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 批准分期缴纳 (第六十六条): at least two instalments that add up to the fine, approved on or before the
    /// current due date (a surcharge already running is not waived by a later approval).
    /// </summary>
    public DomainError? ApproveInstalments(PenaltyContext ctx, PenaltyActor actor, DateOnly approvedOn, IReadOnlyList<Instalment> instalments)
    {
        var next = Begin(PenaltyStep.ApproveInstalments, actor);
        if (!next.IsSuccess)
            return next.Error;
        var plan = instalments.OrderBy(i => i.DueOn).ToList();
        var error = ArrangementAllowed(ctx, approvedOn)
            ?? (plan.Count >= 2 ? null : Guard.Error("instalments_too_few", "分期缴纳至少分为两期"))
            ?? plan.Select(i => Guard.Amount(i.Amount, $"{Fmt.Date(i.DueOn)}一期的金额")).FirstOrDefault(e => e is not null)
            ?? (plan.Select(i => i.DueOn).Distinct().Count() == plan.Count && plan[0].DueOn >= approvedOn
                ? null
                : Guard.Error("instalments_dates_invalid", "各期缴纳日期不能重复，且不能早于批准日期"))
            ?? (plan.Sum(i => i.Amount) == Decision!.Fine
                ? null
                : Guard.Error("instalments_sum", $"各期金额合计{Fmt.Yuan(plan.Sum(i => i.Amount))}，应等于罚款{Fmt.Yuan(Decision.Fine)}"));
        if (error is not null)
            return error;

        SetArrangement(PaymentArrangement.Instalments, plan, approvedOn, actor);
        Advance(PenaltyStep.ApproveInstalments, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>批准延期缴纳 (第六十六条): the whole fine due on a later day, approved on or before the current due date.</summary>
    public DomainError? ApproveDeferral(PenaltyContext ctx, PenaltyActor actor, DateOnly approvedOn, DateOnly newDueOn)
    {
        var next = Begin(PenaltyStep.ApproveDeferral, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = ArrangementAllowed(ctx, approvedOn);
        if (error is not null)
            return error;
        var lastDue = PaymentSchedule(ctx.Calendar, ctx.Rules)[^1].DueOn;
        if (newDueOn <= lastDue)
            return Guard.Error("deferral_not_later", $"延期后的缴纳日期{Fmt.Date(newDueOn)}应晚于现在的缴纳期限{Fmt.Date(lastDue)}");

        SetArrangement(PaymentArrangement.Deferral, [new Instalment(newDueOn, Decision!.Fine)], approvedOn, actor);
        Advance(PenaltyStep.ApproveDeferral, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>行政处罚法 第七十三条: reconsideration or litigation starts; the surcharge is not counted from this day.</summary>
    public DomainError? StartAppeal(PenaltyContext ctx, PenaltyActor actor, AppealKind kind, DateOnly startedOn, string note)
    {
        var next = Begin(PenaltyStep.StartAppeal, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.Text(note, "复议或诉讼情况")
            ?? Guard.StepDate(startedOn, ctx.Today, Decision!.DecidedOn, "申请复议或起诉日期", "决定日期")
            ?? (_appeals.Any(a => a.EndedOn is null) ? Guard.Error("appeal_already_open", "已有尚未结束的复议或诉讼") : null)
            ?? (_appeals.Any(a => a.Covers(startedOn)) ? Guard.Error("appeal_overlap", "复议或诉讼期间不能重叠") : null);
        if (error is not null)
            return error;

        _appeals.Add(new AppealPeriod(kind, startedOn, note.Trim()));
        Advance(PenaltyStep.StartAppeal, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>行政处罚法 第七十三条: the reconsideration or litigation ends; the surcharge counts again from the next day.</summary>
    public DomainError? EndAppeal(PenaltyContext ctx, PenaltyActor actor, DateOnly endedOn)
    {
        var next = Begin(PenaltyStep.EndAppeal, actor);
        if (!next.IsSuccess)
            return next.Error;
        var open = _appeals.FirstOrDefault(a => a.EndedOn is null);
        if (open is null)
            return Guard.Error("no_open_appeal", "没有尚未结束的复议或诉讼");
        if (Guard.StepDate(endedOn, ctx.Today, open.StartedOn, "复议或诉讼结束日期", "开始日期") is { } error)
            return error;

        open.End(endedOn);
        Advance(PenaltyStep.EndAppeal, next.Value, actor, ctx.Now);
        return null;
    }

    private DomainError? HasFine() =>
        Decision?.Fine is > 0 ? null : Guard.Error("no_fine", "本案决定没有罚款，无需缴纳");

    /// <summary>行政处罚法 第六十六条: a fine still owed, and the approval no later than the current due date.</summary>
    private DomainError? ArrangementAllowed(PenaltyContext ctx, DateOnly approvedOn)
    {
        if (HasFine() is { } noFine)
            return noFine;
        if (Guard.StepDate(approvedOn, ctx.Today, ServedOn!.Value, "批准日期", "送达日期") is { } dateError)
            return dateError;
        var schedule = PaymentSchedule(ctx.Calendar, ctx.Rules);
        decimal due = 0;
        foreach (var instalment in schedule)
        {
            due += instalment.Amount;
            if (Paid < due)
                return approvedOn <= instalment.DueOn
                    ? null
                    : Guard.Error("arrangement_too_late",
                        $"缴纳期限{Fmt.Date(instalment.DueOn)}已过，{Fmt.Date(approvedOn)}不能再批准延期或分期缴纳（行政处罚法 第六十六、七十二条）");
        }
        return Guard.Error("fine_paid", "罚款已经缴清，无需延期或分期缴纳");
    }

    private void SetArrangement(PaymentArrangement arrangement, List<Instalment> plan, DateOnly approvedOn, PenaltyActor actor)
    {
        Arrangement = arrangement;
        _instalments = plan;
        ArrangementApprovedOn = approvedOn;
        ArrangementApprovedBy = actor.UserName;
    }
}
