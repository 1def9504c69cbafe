using Zhifa.Domain.Cases;

namespace Zhifa.Documents;

// Plain inputs of the documents. The penalty-case model maps to them; the documents know nothing else.

/// <summary>
/// The agency issuing a document: its name, number prefix (津东市监), address and phone for the party to
/// reach it, and the bodies that hear a reconsideration (区人民政府) or a suit (区人民法院) against its acts.
/// </summary>
public sealed record AgencyInfo(string Name, string NumberPrefix, string Address, string Phone, string ReconsiderationBody, string Court);

/// <summary>An officer and the number of their enforcement certificate.</summary>
public sealed record OfficerInfo(string Name, string CertificateNumber)
{
    public override string ToString() => $"{Name}（执法证号：{CertificateNumber}）";
}

/// <summary>
/// The party: a natural person (name, resident ID, address) or an organisation (name, unified social credit
/// code, domicile, legal representative or person in charge).
/// </summary>
public sealed record PartyInfo(PartyType Type, string Name, string IdNumber, string Address)
{
    /// <summary>法定代表人 of a legal person, 负责人 of another organisation; unused for a natural person.</summary>
    public string? Representative { get; init; }

    public string? Phone { get; init; }

    public bool IsPerson => Type == PartyType.NaturalPerson;

    /// <summary>How a document addresses the party: 你 or 你单位.</summary>
    internal string You => IsPerson ? "你" : "你单位";

    internal string NameLabel => IsPerson ? "姓名" : "名称";

    internal string IdLabel => IsPerson ? "身份证件号码" : "统一社会信用代码";

    internal string AddressLabel => IsPerson ? "住址" : "住所";

    internal string RepresentativeLabel => Type == PartyType.LegalPerson ? "法定代表人" : "负责人";
}

/// <summary>An approval written on a form: the opinion, who gave it and when.</summary>
public sealed record ApprovalInfo(string Opinion, string Name, DateOnly Date);

/// <summary>The account into which fines and confiscated gains are paid.</summary>
public sealed record PaymentAccount(string Bank, string AccountName, string AccountNumber);

/// <summary>One penalty of a decision or of a proposed decision (行政处罚法 第九条).</summary>
public abstract record PenaltyItem
{
    /// <summary>The amount to be paid, if this penalty is paid in money.</summary>
    public virtual decimal? Amount => null;

    /// <summary>The penalty as the document states it.</summary>
    public abstract string Describe();
}

/// <summary>警告.</summary>
public sealed record WarningPenalty : PenaltyItem
{
    public override string Describe() => "警告";
}

/// <summary>罚款, written in capitals and in figures.</summary>
public sealed record FinePenalty(decimal Fine) : PenaltyItem
{
    public override decimal? Amount => Fine;

    public override string Describe() => $"罚款{ChineseFormat.RmbCapitals(Fine)}（{ChineseFormat.MoneyFigures(Fine)}）";
}

/// <summary>没收违法所得.</summary>
public sealed record ConfiscateGainsPenalty(decimal Gains) : PenaltyItem
{
    public override decimal? Amount => Gains;

    public override string Describe() => $"没收违法所得{ChineseFormat.RmbCapitals(Gains)}（{ChineseFormat.MoneyFigures(Gains)}）";
}

/// <summary>没收非法财物, e.g. 超过保质期的食品12箱.</summary>
public sealed record ConfiscatePropertyPenalty(string Property) : PenaltyItem
{
    public override string Describe() => "没收" + Property;
}

/// <summary>Any other penalty, as written: 暂扣许可证件三个月, 责令停产停业一个月 ….</summary>
public sealed record OtherPenalty(string Text) : PenaltyItem
{
    public override string Describe() => Text;
}

/// <summary>A document listed on a service receipt.</summary>
public sealed record ServedDocument(string Title, DocumentNumber? Number)
{
    public static ServedDocument Of(DocumentNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.Kind.Title(), number);
    }

    public override string ToString() => Number is null ? $"《{Title}》" : $"《{Title}》（{Number}）";
}

/// <summary>
/// What the documents issued after an investigation (事先告知书, 处罚决定书, 不予行政处罚决定书) state first: the
/// number, the agency, the party, the case and its facts with the evidence.
/// </summary>
public abstract record InvestigatedCaseInput
{
    public required DocumentNumber Number { get; init; }

    public required AgencyInfo Agency { get; init; }

    public required PartyInfo Party { get; init; }

    /// <summary>案由 without 涉嫌: 经营超过保质期的食品.</summary>
    public required string CaseCause { get; init; }

    public required DateOnly FiledOn { get; init; }

    /// <summary>The facts found (each line a paragraph); for facts not established, what the investigation showed.</summary>
    public required string Facts { get; init; }

    public required IReadOnlyList<string> Evidence { get; init; }
}
