namespace Zhifa.Domain.Common;

/// <summary>
/// The system clock with the platform's time zone as its local zone: legal dates ("today", the day a step was
/// taken) are China Standard Time dates wherever the server runs — a container's zone is usually UTC, which would
/// put everything done before 08:00 on the previous day. The zone is configuration (<c>Zhifa:TimeZone</c>,
/// default Asia/Shanghai) for a deployment that needs another.
/// </summary>
public sealed class PlatformClock(TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Asia/Shanghai";

    public override TimeZoneInfo LocalTimeZone => zone;

    public static PlatformClock ForZone(string? id) => new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id));
}

public static class TimeProviderExtensions
{
    /// <summary>Today's legal date: the clock's local date, which the platform's clock keeps in China Standard Time.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
