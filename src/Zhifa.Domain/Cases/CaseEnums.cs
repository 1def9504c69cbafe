namespace Zhifa.Domain.Cases;

/// <summary>程序类型 of a penalty case.</summary>
public enum ProcedureType
{
    Summary, // 简易程序
    General, // 普通程序
}

/// <summary>当事人类型.</summary>
public enum PartyType
{
    NaturalPerson,      // 自然人
    LegalPerson,        // 法人
    OtherOrganisation,  // 其他组织
}

public static class CaseEnumNames
{
    public static string ToChinese(this ProcedureType p) => p == ProcedureType.Summary ? "简易程序" : "普通程序";

    public static bool TryParseProcedure(string text, out ProcedureType p)
    {
        switch (text)
        {
            case "简易程序": p = ProcedureType.Summary; return true;
            case "普通程序": p = ProcedureType.General; return true;
            default: p = default; return false;
        }
    }

    public static string ToChinese(this PartyType p) => p switch
    {
        PartyType.NaturalPerson => "自然人",
        PartyType.LegalPerson => "法人",
        _ => "其他组织",
    };

    public static bool TryParseParty(string text, out PartyType p)
    {
        switch (text)
        {
            case "自然人": p = PartyType.NaturalPerson; return true;
            case "法人": p = PartyType.LegalPerson; return true;
            case "其他组织": p = PartyType.OtherOrganisation; return true;
            default: p = default; return false;
        }
    }
}
