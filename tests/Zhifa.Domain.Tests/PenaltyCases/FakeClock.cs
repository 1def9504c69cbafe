namespace Zhifa.Domain.Tests.PenaltyCases;

/// <summary>A settable clock in China Standard Time; Microsoft.Extensions.TimeProvider.Testing is not on the mirror.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo China =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => China;

    /// <summary>10:00 Beijing time on the day.</summary>
    public static FakeClock OnDay(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
}
