namespace Zhifa.Domain.PenaltyCases;

/// <summary>Kind of entry on an exemption list (免罚清单, 行政处罚法 第三十三条).</summary>
public enum ExemptionKind
{
    FirstViolation,    // 首违不罚: first violation, slight harm, promptly corrected (may go unpunished)
    MinorViolation,    // 轻微不罚: minor violation, promptly corrected, no harm
    NoSubjectiveFault, // 无主观过错
}

public static class ExemptionKindNames
{
    private static readonly ChineseNames<ExemptionKind> Names = new(new()
    {
        [ExemptionKind.FirstViolation] = "首违不罚",
        [ExemptionKind.MinorViolation] = "轻微不罚",
        [ExemptionKind.NoSubjectiveFault] = "无主观过错不罚",
    });

    public static string ToChinese(this ExemptionKind kind) => Names.Of(kind);

    public static bool TryParseChinese(string text, out ExemptionKind kind) => Names.TryParse(text, out kind);
}

/// <summary>One entry of an agency's published exemption list, tied to a penalty power.</summary>
public sealed class ExemptionListItem
{
    private ExemptionListItem() { }

    public ExemptionListItem(long powerId, ExemptionKind kind, string conditions, DateOnly publishedOn)
    {
        PowerId = powerId;
        Kind = kind;
        Conditions = conditions;
        PublishedOn = publishedOn;
    }

    public long Id { get; private set; }
    public long PowerId { get; private set; }
    public ExemptionKind Kind { get; private set; }

    /// <summary>适用条件 as published.</summary>
    public string Conditions { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
}
