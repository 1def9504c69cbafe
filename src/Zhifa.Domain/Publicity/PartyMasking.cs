using System.Globalization;
using System.Text;
using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Publicity;

/// <summary>The party of a decision as the public sees it.</summary>
public sealed record PublicParty(string Name, string? CreditCode, bool Masked);

/// <summary>
/// 个人信息保护法 (第六、二十八条, and 国办发〔2018〕118号 on publicity): a published decision shows personal information only
/// as far as needed. A natural person's name keeps the surname and hides every other character (张三丰 → 张**);
/// resident ID numbers hide the date of birth; organisations are shown in full with their credit code. Addresses and
/// phone numbers are never published, so nothing here takes them.
/// </summary>
public static class PartyMasking
{
    public const char Hidden = '*';

    /// <summary>
    /// Two-character surnames (复姓) still in use. A name starting with one of them keeps both characters when it has at
    /// least three characters (欧阳修 → 欧阳*); a two-character name is read as surname + given name (司马 → 司*).
    /// Deliberately a short list: an unlisted compound surname shows one character less, never one more.
    /// </summary>
    public static readonly IReadOnlySet<string> CompoundSurnames = new HashSet<string>(StringComparer.Ordinal)
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "端木", "西门", "南宫", "独孤", "呼延", "澹台", "公冶", "万俟", "钟离", "申屠", "太史", "闻人", "百里",
        "赫连", "拓跋", "东郭", "司空", "仲孙", "单于", "濮阳", "淳于", "羊舌", "第五",
    };

    /// <summary>Separators inside a name that stay visible (艾力·买买提 → 艾*·***): they reveal nothing.</summary>
    private static bool IsSeparator(string element) => element is "·" or "•" or "・" or "‧" or "." or " " or "\u3000";

    /// <summary>
    /// The party as published: a natural person — or a party of unknown type, which is treated the same way because
    /// publishing too much cannot be undone — with the name masked and no code; an organisation in full.
    /// </summary>
    public static PublicParty Publish(PartyType? type, string? name, string? creditCode) =>
        type is PartyType.LegalPerson or PartyType.OtherOrganisation
            ? new PublicParty(name?.Trim() ?? "", string.IsNullOrWhiteSpace(creditCode) ? null : creditCode.Trim(), false)
            : new PublicParty(MaskName(name), null, true);

    /// <summary>The visible surname of a natural person's name (the first character, or a listed compound surname).</summary>
    public static string Surname(string name)
    {
        var elements = Elements(name.Trim());
        if (elements.Count == 0)
            return "";
        if (elements.Count >= 3 && CompoundSurnames.Contains(elements[0] + elements[1]))
            return elements[0] + elements[1];
        return elements[0];
    }

    /// <summary>张三 → 张*, 张三丰 → 张**, 欧阳修 → 欧阳*; one <c>*</c> per hidden character; a one-character name is <c>*</c>.</summary>
    public static string MaskName(string? name)
    {
        var elements = Elements(name?.Trim() ?? "");
        if (elements.Count == 0)
            return "";
        if (elements.Count == 1)
            return Hidden.ToString();
        var visible = Elements(Surname(name!)).Count;
        var sb = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
            sb.Append(i < visible || IsSeparator(elements[i]) ? elements[i] : Hidden.ToString());
        return sb.ToString();
    }

    /// <summary>
    /// A resident ID with the date of birth hidden: the 6-digit region code and the last 4 characters (sequence and check
    /// character) stay, as credit-publicity practice shows them (110101********123X). A 15-digit ID keeps 6 and 3. Anything
    /// else is hidden entirely.
    /// </summary>
    public static string MaskResidentId(string? id)
    {
        var s = id?.Trim() ?? "";
        return s.Length switch
        {
            0 => "",
            18 => string.Concat(s.AsSpan(0, 6), new string(Hidden, 8), s.AsSpan(14, 4)),
            15 => string.Concat(s.AsSpan(0, 6), new string(Hidden, 6), s.AsSpan(12, 3)),
            _ => new string(Hidden, s.Length),
        };
    }

    /// <summary>
    /// Whether a party search for <paramref name="term"/> may find this natural person: only when the term lies in the
    /// visible surname, so a search never confirms the hidden characters (searching 张三 must not tell that 张* is 张三).
    /// </summary>
    public static bool SearchMayMatchNaturalPerson(string name, string term) =>
        term.Length > 0 && Surname(name).Contains(term, StringComparison.Ordinal);

    /// <summary>
    /// The same rule as <see cref="SearchMayMatchNaturalPerson"/>, as name prefixes a database can test: a natural person
    /// matches when the name starts with a returned prefix and, for a compound surname, has at least three characters.
    /// </summary>
    public static IReadOnlyList<SurnamePrefix> SearchPrefixes(string term)
    {
        var elements = Elements(term);
        if (elements.Count == 1)
        {
            var list = new List<SurnamePrefix> { new(term, false) };
            // 阳 finds 欧阳修 (visible 欧阳); 欧 finds it through the plain prefix already.
            list.AddRange(CompoundSurnames.Where(s => s.EndsWith(term, StringComparison.Ordinal) && !s.StartsWith(term, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(s => new SurnamePrefix(s, true)));
            return list;
        }
        return elements.Count == 2 && CompoundSurnames.Contains(term) ? [new SurnamePrefix(term, true)] : [];
    }

    /// <summary>A search term as typed: trimmed, with the mask characters of a copied name (张**) removed.</summary>
    public static string NormaliseSearchTerm(string? term) => (term ?? "").Replace(Hidden.ToString(), "", StringComparison.Ordinal).Trim();

    private static List<string> Elements(string s)
    {
        var list = new List<string>(s.Length);
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
            list.Add(e.GetTextElement());
        return list;
    }
}

/// <summary>A name prefix for the natural-person search; <paramref name="CompoundSurname"/> requires three or more characters.</summary>
public sealed record SurnamePrefix(string Prefix, bool CompoundSurname);
