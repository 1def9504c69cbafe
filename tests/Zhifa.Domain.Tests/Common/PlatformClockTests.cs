using Shouldly;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Tests.Common;

public sealed class PlatformClockTests
{
    [Fact]
    public void LocalZone_ByDefault_IsChinaStandardTimeWhateverTheHostZone()
    {
        var clock = PlatformClock.ForZone(null);

        clock.LocalTimeZone.GetUtcOffset(new DateTime(2026, 7, 1)).ShouldBe(TimeSpan.FromHours(8));
        clock.GetLocalNow().Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Today_At0100InBeijing_IsAlreadyTheNextDayThoughUtcIsNot()
    {
        var clock = PlatformClock.ForZone("Asia/Shanghai");
        var utc = new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero); // 2026-11-23 01:00 in Beijing

        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, clock.LocalTimeZone).DateTime).ShouldBe(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void Today_OfThePlatformClock_IsTheDateInBeijing()
    {
        var clock = PlatformClock.ForZone(null);

        clock.Today().ShouldBe(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, clock.LocalTimeZone).DateTime));
    }

    [Fact]
    public void ForZone_WithAnUnknownZone_Throws()
    {
        Should.Throw<TimeZoneNotFoundException>(() => PlatformClock.ForZone("Mars/Olympus"));
    }
}
