namespace Zhifa.Demo;

/// <summary>A party (当事人) of a demo case: 当事人类型, name and, for an organisation, its 统一社会信用代码.</summary>
internal sealed record DemoParty(string Type, string Name, string? CreditCode)
{
    public bool IsNaturalPerson => Type == "自然人";
}

/// <summary>Random Chinese names, resident IDs and companies with valid codes, all drawn from one seeded generator.</summary>
internal sealed class DemoNames(Random rng)
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public string PersonName()
    {
        var given = Pick(DemoCatalog.GivenChars);
        if (rng.NextDouble() < 0.7)
            given += Pick(DemoCatalog.GivenChars);
        return Pick(DemoCatalog.Surnames) + given;
    }

    /// <summary>An 18-digit resident ID of a Tianjin district with a birth date between 1965 and 1999 (GB 11643 check digit).</summary>
    public string ResidentId()
    {
        var region = $"1201{rng.Next(1, 17):D2}";
        var birth = new DateOnly(1965, 1, 1).AddDays(rng.Next(0, 365 * 35));
        return Zhifa.Domain.Identifiers.ResidentId.Complete($"{region}{birth:yyyyMMdd}{rng.Next(0, 1000):D3}");
    }

    /// <summary>
    /// A 统一社会信用代码: registration authority 9 (market regulation), kind 1 (enterprise) or 2 (individual
    /// business), the demo region code, nine random characters, and the GB 32100 check character.
    /// </summary>
    private string CreditCode(char kind)
    {
        var body = new char[9];
        for (var i = 0; i < body.Length; i++)
            body[i] = CodeAlphabet[rng.Next(CodeAlphabet.Length)];
        return Zhifa.Domain.Identifiers.CreditCode.Complete($"9{kind}{DemoCatalog.RegionCode}{new string(body)}");
    }

    private string Brand() => Pick(DemoCatalog.BrandChars) + Pick(DemoCatalog.BrandChars);

    /// <summary>A pool of parties that cases draw from, so that a company is inspected more than once.</summary>
    public List<DemoParty> Parties(int companies, int businesses, int persons)
    {
        var list = new List<DemoParty>(companies + businesses + persons);
        for (var i = 0; i < companies; i++)
            list.Add(new DemoParty("法人", $"天津{Brand()}{Pick(DemoCatalog.Industries)}有限公司", CreditCode('1')));
        for (var i = 0; i < businesses; i++)
            list.Add(new DemoParty("其他组织", $"{DemoCatalog.DistrictName}{Brand()}{Pick(DemoCatalog.Shops)}", CreditCode('2')));
        for (var i = 0; i < persons; i++)
            list.Add(new DemoParty("自然人", PersonName(), null));
        return list;
    }
}
