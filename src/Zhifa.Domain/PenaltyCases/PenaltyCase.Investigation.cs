using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

public sealed partial class PenaltyCase
{
    /// <summary>指派执法人员: adds an officer of the agency with a valid certificate (第四十二条), e.g. after a recusal.</summary>
    public DomainError? AssignOfficer(PenaltyContext ctx, PenaltyActor actor, OfficerFacts officer, DateOnly on)
    {
        var next = Begin(PenaltyStep.AssignOfficer, actor);
        if (!next.IsSuccess)
            return next.Error;
        var existing = _officers.FirstOrDefault(o => o.OfficerId == officer.OfficerId);
        var error = Guard.StepDate(on, ctx.Today, FiledOn, "指派日期", "立案日期")
            ?? (existing is null ? null : OfficerRules.NotRecused(existing) ?? Guard.Error("officer_already_assigned", $"{officer.Name}已是本案承办人员"))
            ?? (_reviews.Any(r => r.ReviewerOfficerId == officer.OfficerId)
                ? Guard.Error("officer_is_reviewer", $"{officer.Name}是本案的法制审核人员，不能承办本案（办审分离）")
                : null);
        if (error is not null)
            return error;
        if (officer.AgencyId != AgencyId)
            return Guard.Error("officer_other_agency", $"执法人员{officer.Name}不属于本案的执法机关（行政处罚法 第四十二条）");
        if (!officer.MayActOn(on))
            return Guard.Error("officer_certificate_invalid", $"执法人员{officer.Name}的执法证在{Fmt.Date(on)}无效或被暂扣（行政处罚法 第四十二条）");

        _officers.Add(new PenaltyCaseOfficer(officer.OfficerId, officer.Name, on));
        Advance(PenaltyStep.AssignOfficer, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>决定回避 (第四十三条): the agency head recuses an officer, who can take no further part in the case.</summary>
    public DomainError? RecordRecusal(PenaltyContext ctx, PenaltyActor actor, long officerId, DateOnly on, string reason)
    {
        var next = Begin(PenaltyStep.RecordRecusal, actor);
        if (!next.IsSuccess)
            return next.Error;
        var officer = _officers.FirstOrDefault(o => o.OfficerId == officerId);
        var error = (officer is null ? Guard.Error("not_case_officer", "该执法人员不是本案承办人员") : OfficerRules.NotRecused(officer))
            ?? Guard.Text(reason, "回避理由")
            ?? Guard.StepDate(on, ctx.Today, officer!.AssignedOn, "回避决定日期", "指派日期");
        if (error is not null)
            return error;

        officer!.Recuse(on, reason);
        Advance(PenaltyStep.RecordRecusal, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 标注案件情形: the grounds of 第五十七、五十八条 that are judgements. A handler may raise a flag; only the agency
    /// head may lower one, so that legal review cannot be avoided by the person it checks.
    /// </summary>
    public DomainError? Classify(PenaltyContext ctx, PenaltyActor actor, CaseSignificance significance)
    {
        var next = Begin(PenaltyStep.Classify, actor);
        if (!next.IsSuccess)
            return next.Error;
        if (significance.LowersAnyOf(Significance) && actor.Role != PenaltyRoles.AgencyAdmin)
            return Guard.Error("significance_lowered_by_handler", "只有机关负责人可以取消已标注的案件情形（行政处罚法 第五十七、五十八条）");

        Significance = significance;
        Advance(PenaltyStep.Classify, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>延长办案期限 (第六十条): approved by the agency head before the current limit passes.</summary>
    public DomainError? ApproveExtension(PenaltyContext ctx, PenaltyActor actor, DateOnly approvedOn, int days, string reason)
    {
        var next = Begin(PenaltyStep.ApproveExtension, actor);
        if (!next.IsSuccess)
            return next.Error;
        var error = Guard.Text(reason, "延长理由")
            ?? Guard.StepDate(approvedOn, ctx.Today, FiledOn, "批准日期", "立案日期")
            ?? DecisionRules.ExtensionAllowed(DecisionLimit(ctx.Calendar, ctx.Rules), approvedOn, days, ctx.Rules);
        if (error is not null)
            return error;

        _extensions.Add(new DecisionLimitExtension(approvedOn, days, reason.Trim(), actor.UserName, ctx.Now));
        Advance(PenaltyStep.ApproveExtension, next.Value, actor, ctx.Now);
        return null;
    }

    /// <summary>
    /// 调查取证: an item collected by at least two of the case's officers, none recused, each certified on the day
    /// (第四十二、四十三条). The first item moves the case from Filed to Investigating.
    /// </summary>
    public DomainError? RecordEvidence(PenaltyContext ctx, PenaltyActor actor, EvidenceInput input, IReadOnlyList<OfficerFacts> collectors)
    {
        var next = Begin(PenaltyStep.RecordEvidence, actor);
        if (!next.IsSuccess)
            return next.Error;
        var sha = input.FileSha256?.Trim().ToLowerInvariant();
        var error = Guard.Text(input.Description, "证据说明")
            ?? Guard.StepDate(input.CollectedOn, ctx.Today, FiledOn, "取证日期", "立案日期")
            ?? (sha is null || Sha256Hex().IsMatch(sha) ? null : Guard.Error("evidence_hash_invalid", "证据文件的SHA-256应为64位十六进制字符"))
            ?? CollectorsAreCaseOfficers(collectors)
            ?? OfficerRules.TwoCertifiedOfficers(collectors, AgencyId, input.CollectedOn, "调查取证");
        if (error is not null)
            return error;

        _evidence.Add(new EvidenceItem(input.Kind, input.Description.Trim(), input.CollectedOn, collectors.Select(c => c.OfficerId), sha,
            ctx.Now, actor.UserName));
        Advance(PenaltyStep.RecordEvidence, next.Value, actor, ctx.Now);
        return null;
    }

    private DomainError? CollectorsAreCaseOfficers(IEnumerable<OfficerFacts> collectors)
    {
        foreach (var collector in collectors)
        {
            var officer = _officers.FirstOrDefault(o => o.OfficerId == collector.OfficerId);
            if (officer is null)
                return Guard.Error("not_case_officer", $"{collector.Name}不是本案承办人员，不能参与调查取证");
            if (OfficerRules.NotRecused(officer) is { } recused)
                return recused;
        }
        return null;
    }

    /// <summary>At least two officers still on the case (第四十二条) for steps the officers perform together.</summary>
    private DomainError? TwoActiveOfficers(string act)
    {
        var count = ActiveOfficers.Count();
        return count >= 2
            ? null
            : Guard.Error("officers_too_few", $"本案未回避的承办人员只有{count}名，须先指派执法人员才能{act}（行政处罚法 第四十二条）");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
