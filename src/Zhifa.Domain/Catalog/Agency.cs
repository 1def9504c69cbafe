namespace Zhifa.Domain.Catalog;

/// <summary>行政执法机关 / 执法主体: a body holding enforcement powers in one region.</summary>
public sealed class Agency
{
    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AgencyCategory Category { get; private set; }

    /// <summary>GB/T 2260 code of the area the agency serves.</summary>
    public string RegionCode { get; private set; } = "";
    public string? ParentCode { get; private set; }

    /// <summary>First day the agency exists; null = before any recorded period.</summary>
    public DateOnly? EstablishedOn { get; private set; }

    /// <summary>Day the agency was abolished (撤销); null = still exists.</summary>
    public DateOnly? AbolishedOn { get; private set; }

    /// <summary>机关代字 of its document numbers (津东市监 in 津东市监罚〔2023〕12号); null = derived from the name.</summary>
    public string? DocumentPrefix { get; private set; }

    private Agency() { }

    public Agency(string code, string name, AgencyCategory category, string regionCode, string? parentCode = null)
    {
        Code = code;
        Name = name;
        Category = category;
        RegionCode = regionCode;
        ParentCode = parentCode;
    }

    public void Update(string name, AgencyCategory category, string regionCode, string? parentCode)
    {
        Name = name;
        Category = category;
        RegionCode = regionCode;
        ParentCode = parentCode;
    }

    public void SetDocumentPrefix(string? prefix) => DocumentPrefix = string.IsNullOrWhiteSpace(prefix) ? null : prefix.Trim();

    public bool ExistsOn(DateOnly day) =>
        (EstablishedOn is null || EstablishedOn <= day) && (AbolishedOn is null || AbolishedOn > day);
}
