using Zhifa.Documents;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

public sealed partial class PenaltyCaseService
{
    /// <summary>立案 (agency head): a general-procedure case with its officers; numbered in the agency's 立 series.</summary>
    public Task<Outcome<PenaltyCaseView>> FileAsync(FileCaseRequest r, string? idempotencyKey = null, CancellationToken ct = default) =>
        CreateAsync(PenaltyStepRoutes.File, r, idempotencyKey, DocumentKind.FilingApproval, async (ctx, actor, ct) =>
        {
            var check = new RequestCheck();
            var party = check.Party(r.Party);
            var actOn = check.Date(r.ActOn, "actOn", "违法行为发生日期");
            var discoveredOn = check.Date(r.DiscoveredOn, "discoveredOn", "发现日期");
            var filedOn = check.Date(r.FiledOn, "filedOn", "立案日期");
            var summary = check.Text(r.CaseSummary, "caseSummary", "案情摘要");
            var details = new PenaltyCaseDetails
            {
                PartyAddress = r.Party?.Address?.Trim(), PartyPhone = r.Party?.Phone?.Trim(), PartyRepresentative = r.Party?.Representative?.Trim(),
                CaseSource = check.Optional(r.CaseSource, "caseSource", "案件来源", 100), CaseCause = check.Optional(r.CaseCause, "caseCause", "案由", 200),
            };
            var power = await lookups.PowerAsync(r.PowerCode, check, ct);
            var officers = await lookups.OfficersAsync(r.Officers, "officers", check, ct);
            if (check.Failed)
                return check.Error;
            // A power on the agency's 重大执法决定法制审核目录 makes the case major whatever the request said (ADR-022).
            var significance = await MarkedByTheListAsync(check.Significance(r.Significance), power!.Id, ct);
            var input = new FilingInput(power.AgencyId, power.Id, party!, actOn, discoveredOn, filedOn, summary)
            {
                ActEndedOn = r.ActEndedOn, SeriousHarm = r.SeriousHarm, Significance = significance,
            };
            var filed = PenaltyCase.File(ctx, actor, input, officers);
            if (!filed.IsSuccess)
                return Refuse(filed.Error, ("date", "filedOn"), ("discovered", "discoveredOn"), ("officers", "officers")).Error!;
            return PowerAllows(power, filedOn) is { } powerError ? powerError : (filed.Value, details);
        }, ct);

    /// <summary>简易程序 (officer): decided and handed over on the spot; numbered in the agency's 当罚 series (ADR-013).</summary>
    public Task<Outcome<PenaltyCaseView>> DecideOnTheSpotAsync(SummaryCaseRequest r, string? idempotencyKey = null, CancellationToken ct = default) =>
        CreateAsync(PenaltyStepRoutes.Summary, r, idempotencyKey, DocumentKind.SummaryDecision, async (ctx, actor, ct) =>
        {
            var check = new RequestCheck();
            var party = check.Party(r.Party);
            var actOn = check.Date(r.ActOn, "actOn", "违法行为发生日期");
            var decidedOn = check.Date(r.DecidedOn, "decidedOn", "处罚决定日期");
            var kinds = check.Enums<PenaltyKind>(r.Kinds, "kinds", "处罚种类", PenaltyKindNames.ToChinese);
            var facts = check.Text(r.Facts, "facts", "违法事实");
            var basis = check.Text(r.Basis, "basis", "处罚依据");
            var statement = check.Optional(r.PartyStatement, "partyStatement", "当事人陈述申辩");
            var details = new PenaltyCaseDetails
            {
                PartyAddress = r.Party?.Address?.Trim(), PartyPhone = r.Party?.Phone?.Trim(), PartyRepresentative = r.Party?.Representative?.Trim(),
            };
            var power = await lookups.PowerAsync(r.PowerCode, check, ct);
            var officers = await lookups.OfficersAsync(r.Officers, "officers", check, ct);
            if (check.Failed)
                return check.Error;
            var input = new SummaryInput(power!.AgencyId, power.Id, party!, actOn, decidedOn, kinds, r.Fine, facts, basis) { PartyStatement = statement };
            var decided = PenaltyCase.DecideOnTheSpot(ctx, actor, input, officers);
            if (!decided.IsSuccess)
                return Refuse(decided.Error, ("date", "decidedOn"), ("terms", "fine"), ("amount", "fine"), ("officers", "officers")).Error!;
            return PowerAllows(power, decidedOn) is { } powerError ? powerError : (decided.Value, details);
        }, ct);

    /// <summary>
    /// 属于本机关重大执法决定法制审核目录 (行政处罚法 第五十八条(四)) is not the officer's to assert or deny when the case's power
    /// is on the agency's list (ADR-022): the mark is set, at filing and by 标注案件情形 alike.
    /// </summary>
    private async Task<CaseSignificance> MarkedByTheListAsync(CaseSignificance asked, long powerId, CancellationToken ct) =>
        !asked.OnMajorDecisionList && await lookups.OnMajorDecisionListAsync(powerId, ct) ? asked with { OnMajorDecisionList = true } : asked;

    /// <summary>A penalty case is filed under a penalty power of the catalog that is in force on the day.</summary>
    private static AppError? PowerAllows(Power power, DateOnly on)
    {
        if (power.Category != PowerCategory.Penalty)
            return new AppError(FailureKind.RuleBroken, "penalty.power_not_penalty",
                $"职权\"{power.Name}\"属于{power.Category.ToChinese()},不是行政处罚职权,不能据此办理行政处罚案件", "powerCode");
        return power.ValidOn(on)
            ? null
            : new AppError(FailureKind.RuleBroken, "penalty.power_not_valid", $"职权\"{power.Name}\"在{on:yyyy-MM-dd}不在权责清单的有效期内", "powerCode");
    }
}
