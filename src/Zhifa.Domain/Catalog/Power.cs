namespace Zhifa.Domain.Catalog;

/// <summary>职权: one item of an agency's power catalog (权责清单), with its legal basis.</summary>
public sealed class Power
{
    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PowerCategory Category { get; private set; }
    public long AgencyId { get; private set; }
    public string? LegalBasis { get; private set; }

    /// <summary>Validity of the catalog item (权责清单动态调整); null bounds are open.</summary>
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    private Power() { }

    public Power(string code, string name, PowerCategory category, long agencyId, string? legalBasis,
        DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        Code = code;
        Name = name;
        Category = category;
        AgencyId = agencyId;
        LegalBasis = legalBasis;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public void Update(string name, PowerCategory category, long agencyId, string? legalBasis)
    {
        Name = name;
        Category = category;
        AgencyId = agencyId;
        LegalBasis = legalBasis;
    }

    public bool ValidOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);
}
