using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 追责时效. The period runs from the act, or from the end of a continuing act (pass the end date, or the
/// discovery date for an act still going on), to its discovery. It is a period of years, not a procedural
/// period, so it does not move off holidays; the anniversary itself is still inside it.
/// </summary>
public static class LimitationRule
{
    // 行政处罚法 第三十六条
    public static DateOnly LastDayToDiscover(DateOnly actOn, DateOnly? actEndedOn, bool seriousHarm, PenaltyRules rules) =>
        (actEndedOn ?? actOn).AddYears(seriousHarm ? rules.SeriousHarmLimitationYears : rules.LimitationYears);

    // 行政处罚法 第三十六条
    public static DomainError? Check(DateOnly actOn, DateOnly? actEndedOn, DateOnly discoveredOn, bool seriousHarm, PenaltyRules rules)
    {
        if (actEndedOn is { } end && Guard.NotBefore(end, actOn, "违法行为终了日期", "违法行为发生日期") is { } endError)
            return endError;
        if (Guard.NotBefore(discoveredOn, actOn, "发现日期", "违法行为发生日期") is { } discoveryError)
            return discoveryError;

        var last = LastDayToDiscover(actOn, actEndedOn, seriousHarm, rules);
        if (discoveredOn <= last)
            return null;
        var years = seriousHarm ? rules.SeriousHarmLimitationYears : rules.LimitationYears;
        var from = actEndedOn is { } e ? $"违法行为连续或者继续状态于{Fmt.Date(e)}终了" : $"违法行为发生于{Fmt.Date(actOn)}";
        var kind = seriousHarm ? "（涉及公民生命健康安全、金融安全且有危害后果）" : "";
        return Guard.Error("limitation_expired",
            $"{from}，{Fmt.Date(discoveredOn)}才被发现，已超过{years}年追责期限{kind}，最迟应于{Fmt.Date(last)}前发现，不再给予行政处罚（行政处罚法 第三十六条）");
    }
}
