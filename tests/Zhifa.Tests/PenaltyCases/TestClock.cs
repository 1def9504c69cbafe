namespace Zhifa.Tests.PenaltyCases;

/// <summary>A settable clock in China Standard Time (the platform's zone), for the whole web app under test.</summary>
public sealed class TestClock(DateOnly today) : TimeProvider
{
    private static readonly TimeZoneInfo China =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");

    private DateTimeOffset _now = At(today);

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => China;

    /// <summary>Stands still at 10:00 Beijing time on the day, so that every date a test asserts is fixed.</summary>
    public void SetToday(DateOnly day) => _now = At(day);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
