using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Identifiers;
using Zhifa.Inspections;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Demo;

/// <summary>
/// A few inspections of 演示区市场监督管理局 recorded through the product's own inspection service after the import, one
/// for each result and each follow-up: 未发现问题, 责令改正 still open, 责令改正 rectified, 移交立案 referred and 移交立案
/// waiting for referral. The referral is made by the agency head, so it files a penalty case (立案). Dates count back from the demo day and the service's clock is fixed at that day, so the demo
/// stays deterministic for a day.
/// </summary>
internal static class DemoInspections
{
    /// <summary>The service's clock: 10:00 on the demo day in the host's time zone.</summary>
    internal sealed class DemoClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            var local = day.ToDateTime(new TimeOnly(10, 0));
            return new DateTimeOffset(local, LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    private sealed record Visit(int DaysAgo, string PartyType, string PartyName, string PartyId, string Location, string Findings, string Result,
        int? DeadlineInDays = null, int? RectifiedDaysAgo = null, int? ReferredDaysAgo = null);

    private static readonly Visit[] Visits =
    [
        new(20, "法人", "天津鑫隆餐饮管理有限公司", CreditCode.Complete("91120199MA05RT7X2"), "演示区和平路18号",
            "后厨冷藏柜生熟食品混放，两名从业人员健康证明过期", "责令改正", DeadlineInDays: -6, RectifiedDaysAgo: 8),
        new(12, "自然人", "赵桂英", ResidentId.Complete("12010219650312004"), "演示区建设路与和平路交口",
            "检查流动早点摊的食品经营备案卡、从业人员健康证明和加工环境，未发现问题", "未发现问题"),
        new(10, "其他组织", "演示区鑫盛小吃店", CreditCode.Complete("92120199MA0DEM4K1"), "演示区东新街道光明里3号",
            "后厨未设置防鼠设施，进货查验记录不全", "责令改正", DeadlineInDays: 10),
        new(5, "法人", "天津恒丰食品商贸有限公司", CreditCode.Complete("91120199MA06HF8P3"), "演示区工业园区冷链物流中心",
            "冷库内存放超过保质期的冷冻肉制品共计86千克，涉嫌经营超过保质期的食品", "移交立案", ReferredDaysAgo: 4),
        new(2, "法人", "天津瑞祥超市有限公司", CreditCode.Complete("91120199MA07RX5Q4"), "演示区西岸街道滨河路66号",
            "货架上发现标签标注生产日期晚于检查日期的预包装食品5种", "移交立案"),
    ];

    /// <summary>Records the inspections; returns how many. Throws when the service refuses one (a bug of this list).</summary>
    public static async Task<int> RecordAsync(DatabaseTarget target, DateOnly today, CancellationToken ct)
    {
        var clock = new DemoClock(today);
        await using var db = target.CreateContext();
        var code = DemoGenerator.AgencyCode(0);
        var agency = await db.Agencies.SingleAsync(a => a.Code == code, ct);
        // The first three officers of every demo agency hold certificates throughout (DemoGenerator.MasterData).
        var officers = await db.Officers.Where(o => o.AgencyId == agency.Id).OrderBy(o => o.Id).Take(3).Select(o => o.CertificateNumber).ToListAsync(ct);
        var scope = CallerScope.For("demo", Roles.AgencyAdmin, agency.Id);
        var queries = new InspectionQueries(db, scope, clock);
        // The head refers, so the referral files a penalty case through the penalty-case service (ADR-010).
        var opener = new InspectionReferralOpener(DemoPenaltyCases.Service(db, target, scope, clock), scope);
        var commands = new InspectionCommands(db, scope, queries, opener, clock);
        var power = $"{code}-J01";
        for (var n = 0; n < Visits.Length; n++)
        {
            var v = Visits[n];
            var on = today.AddDays(-v.DaysAgo);
            var request = new RecordInspectionRequest(power, [officers[n % 3], officers[(n + 1) % 3]], v.PartyType, v.PartyName, v.PartyId, null,
                on, v.Location, v.Findings, v.Result, v.DeadlineInDays is { } d ? today.AddDays(d) : null);
            var id = Check(await commands.RecordAsync(request, null, ct)).Inspection.Id;
            if (v.RectifiedDaysAgo is { } r)
                Check(await commands.RectifiedAsync(id, new RectifiedRequest(today.AddDays(-r), "已整改：生熟分柜存放，两名从业人员已取得新的健康证明"), ct));
            if (v.ReferredDaysAgo is { } f)
                Check(await commands.ReferAsync(id, new ReferRequest(today.AddDays(-f), PowerCode: $"{code}-C02"), ct));
        }
        return Visits.Length;
    }

    private static T Check<T>(Outcome<T> outcome) => outcome.IsSuccess
        ? outcome.Value
        : throw new InvalidOperationException($"演示检查记录失败：{outcome.Error.Code} {outcome.Error.Message}");
}
