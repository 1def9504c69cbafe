namespace Zhifa.Domain.Alerts;

/// <summary>Configuration of the alerts (section <c>Zhifa:Alerts</c>), with defaults.</summary>
public sealed record AlertSettings
{
    public const string Section = "Zhifa:Alerts";

    /// <summary>Yearly training hours an officer should have (学时); below them an officer is alerted.</summary>
    public int TrainingHoursPerYear { get; init; } = 60;

    /// <summary>A case whose decision limit is this many days away or fewer is alerted as due.</summary>
    public int DecisionDueWithinDays { get; init; } = 10;

    /// <summary>Past facts (零执法 months, late publication, too few officers) are looked for in this many months back.</summary>
    public int WindowMonths { get; init; } = 12;

    /// <summary>The daily evaluation's time of day (local time of the platform clock), HH:mm.</summary>
    public string DailyAt { get; init; } = "02:00";

    /// <summary>False turns the daily job off (the evaluation stays available on demand).</summary>
    public bool DailyJob { get; init; } = true;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TrainingHoursPerYear < 0)
            problems.Add("Zhifa:Alerts:TrainingHoursPerYear 不能为负数");
        if (DecisionDueWithinDays < 0)
            problems.Add("Zhifa:Alerts:DecisionDueWithinDays 不能为负数");
        if (WindowMonths is < 1 or > 120)
            problems.Add("Zhifa:Alerts:WindowMonths 应在1到120之间");
        if (!TimeOnly.TryParseExact(DailyAt, "HH:mm", out _))
            problems.Add($"Zhifa:Alerts:DailyAt \"{DailyAt}\" 不是 HH:mm 格式的时间");
        return problems;
    }
}
