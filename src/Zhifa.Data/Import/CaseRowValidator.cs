using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Identifiers;

namespace Zhifa.Data.Import;

/// <summary>Checks one row of cases.csv against every rule of exchange-format.md and fills a <see cref="CaseRow"/>.</summary>
internal sealed class CaseRowValidator(CatalogLookup lookup, ImportOptions options, IImportErrorSink errors)
{
    public static readonly CsvColumn[] Columns =
    [
        new("案件编号", true), new("机关编码", true), new("案件类别", true), new("职权编码", true), new("立案日期", true),
        new("执法人员", true), new("程序类型", false), new("当事人类型", false), new("当事人名称", false),
        new("统一社会信用代码", false), new("罚款金额", false), new("决定日期", false), new("公示日期", false),
        new("结案日期", false), new("处理结果", false),
    ];

    /// <summary>Positions in <see cref="Columns"/>.</summary>
    private static class Col
    {
        public const int Number = 0, Agency = 1, Category = 2, Power = 3, Filed = 4, Officers = 5, Procedure = 6, PartyType = 7;
        public const int PartyName = 8, CreditCode = 9, Fine = 10, Decided = 11, Published = 12, Closed = 13, Outcome = 14;
    }

    private CsvTable _t = null!;
    private readonly int[] _positions = new int[Columns.Length]; // Columns[c] is at _positions[c] in _t's rows
    private long _reported; // this validator's own count: a writer on another thread reports to the same sink

    private void Error(string column, string reason)
    {
        _reported++;
        errors.Report(new ImportError(_t.FileName, _t.Line, column, reason));
    }

    /// <summary>A cell of the current row by the position of its column in <see cref="Columns"/>.</summary>
    private string? Cell(int column) => _t.Cell(_positions[column]);

    private string? Required(int column)
    {
        var v = Cell(column);
        if (v is null)
            Error(Columns[column].Header, "必填项为空");
        return v;
    }

    private DateOnly? OptionalDate(int column)
    {
        var text = Cell(column);
        if (text is null)
            return null;
        if (FieldParsers.TryDate(text, out var d))
            return d;
        Error(Columns[column].Header, FieldParsers.DateRule(text));
        return null;
    }

    /// <summary>Fills <paramref name="row"/>; returns false when the row broke a rule (already reported).</summary>
    public bool Check(CsvTable t, CaseRow row)
    {
        if (!ReferenceEquals(t, _t))
            for (var c = 0; c < Columns.Length; c++)
                _positions[c] = t.ColumnIndex(Columns[c].Header);
        _t = t;
        var before = _reported;
        row.Line = t.Line;
        row.OfficerIds.Clear();
        if (t.Malformed is { } malformed)
            Error("行", $"CSV 格式错误:{malformed}");

        row.Number = Required(Col.Number) ?? "";
        var agencyCode = Required(Col.Agency);
        var categoryText = Required(Col.Category);
        var powerCode = Required(Col.Power);
        var filedText = Required(Col.Filed);
        var officersText = Required(Col.Officers);

        AgencyRef? agency = null;
        if (agencyCode is not null && !lookup.Agencies.TryGetValue(agencyCode, out agency))
            Error("机关编码", $"机关\"{agencyCode}\"不存在");
        var categoryOk = false;
        if (categoryText is not null)
        {
            categoryOk = PowerCategoryNames.TryParseChinese(categoryText, out row.Category)
                         && PowerCategoryNames.CaseCategories.Contains(row.Category);
            if (!categoryOk)
                Error("案件类别", $"\"{categoryText}\"不是有效的案件类别,应为:{PowerCategoryNames.CaseCategoriesChinese}");
        }
        CheckPower(powerCode, agencyCode, agency, categoryOk, categoryText, row);

        var filedOk = filedText is not null && FieldParsers.TryDate(filedText, out row.FiledOn);
        if (filedText is not null && !filedOk)
            Error("立案日期", FieldParsers.DateRule(filedText));
        if (officersText is not null)
            CheckOfficers(officersText, agencyCode, agency, filedOk ? row.FiledOn : null, row);

        CheckProcedureAndParty(row, categoryOk);
        CheckDates(row, filedOk);
        row.Outcome = Cell(Col.Outcome);
        if (row.Outcome is { Length: > 200 })
            Error("处理结果", "处理结果不得超过200个字符");
        if (row.Number.Length > 64)
            Error("案件编号", "案件编号不得超过64个字符");
        if (agency is { Id: > 0 })
            row.AgencyId = agency.Id;
        return _reported == before && row.AgencyId > 0 && row.PowerId > 0;
    }

    private void CheckPower(string? powerCode, string? agencyCode, AgencyRef? agency, bool categoryOk, string? categoryText, CaseRow row)
    {
        if (powerCode is null)
            return;
        if (!lookup.Powers.TryGetValue(powerCode, out var power))
        {
            Error("职权编码", $"职权\"{powerCode}\"不存在");
            return;
        }
        if (power.Id == 0 || agency is null || agency.Id == 0)
            return; // the power or agency row itself was refused and reported
        if (power.AgencyId != agency.Id)
            Error("职权编码", $"职权\"{powerCode}\"不属于办案机关\"{agencyCode}\"");
        else if (categoryOk && power.Category != row.Category)
            Error("职权编码", $"职权\"{powerCode}\"的类别为{power.Category.ToChinese()},与案件类别\"{categoryText}\"不一致");
        else
            row.PowerId = power.Id;
    }

    // 行政处罚法 第四十二条: at least two officers of the agency, each with a certificate valid on the day.
    private void CheckOfficers(string text, string? agencyCode, AgencyRef? agency, DateOnly? filedOn, CaseRow row)
    {
        _seen.Clear(); // a case names a handful of officers: a reused list, not a set and a split array per row
        foreach (var range in text.AsSpan().Split(';'))
        {
            var cell = text.AsSpan()[range].Trim();
            if (cell.Length == 0)
                continue;
            var number = cell.ToString();
            if (_seen.Contains(number))
                continue;
            _seen.Add(number);
            if (!lookup.Officers.TryGetValue(number, out var officer))
            {
                Error("执法人员", $"执法证号\"{number}\"不存在");
                continue;
            }
            if (officer.Id == 0)
                continue;
            if (agency is { Id: > 0 } && officer.AgencyId != agency.Id)
                Error("执法人员", $"执法人员\"{number}\"不属于办案机关\"{agencyCode}\"");
            else if (filedOn is { } day && !officer.ValidOn(day))
                Error("执法人员", officer.IssuedOn > day
                    ? $"执法人员\"{number}\"的执法证于{officer.IssuedOn:yyyy-MM-dd}发证,立案日期{day:yyyy-MM-dd}时尚未取得"
                    : $"执法人员\"{number}\"的执法证已于{officer.RevokedOn:yyyy-MM-dd}注销,立案日期{day:yyyy-MM-dd}时无效");
            else
                row.OfficerIds.Add(officer.Id);
        }
        if (_seen.Count < 2)
            Error("执法人员", $"至少需要两名不同的执法人员(行政处罚法第四十二条),实际为{_seen.Count}名:\"{text}\"");
    }

    private readonly List<string> _seen = new(4);

    private void CheckProcedureAndParty(CaseRow row, bool categoryOk)
    {
        var procedureText = Cell(Col.Procedure);
        row.Procedure = null;
        if (procedureText is not null)
        {
            if (!CaseEnumNames.TryParseProcedure(procedureText, out var p))
                Error("程序类型", $"\"{procedureText}\"无效,应为\"简易程序\"或\"普通程序\"");
            else if (categoryOk && row.Category != PowerCategory.Penalty)
                Error("程序类型", "程序类型仅适用于行政处罚案件");
            else
                row.Procedure = p;
        }
        else if (categoryOk && row.Category == PowerCategory.Penalty)
            Error("程序类型", "行政处罚案件必须填写程序类型(简易程序或普通程序)");

        var partyText = Cell(Col.PartyType);
        row.PartyType = null;
        if (partyText is not null)
        {
            if (CaseEnumNames.TryParseParty(partyText, out var pt))
                row.PartyType = pt;
            else
                Error("当事人类型", $"\"{partyText}\"无效,应为自然人、法人或其他组织");
        }
        row.PartyName = Cell(Col.PartyName);
        if (row.PartyName is { Length: > 200 })
            Error("当事人名称", "当事人名称不得超过200个字符");
        row.PartyCreditCode = null;
        if (Cell(Col.CreditCode) is { } codeText)
        {
            var code = CreditCode.Create(codeText);
            if (code.IsSuccess)
                row.PartyCreditCode = code.Value.ToString();
            else
                Error("统一社会信用代码", code.Error!.Message);
        }

        row.FineFen = null;
        if (Cell(Col.Fine) is { } fineText)
        {
            if (!FieldParsers.TryMoney(fineText, out var fine))
                Error("罚款金额", FieldParsers.MoneyRule(fineText));
            else
            {
                row.FineFen = (long)(fine * 100m);
                if (row.Procedure == ProcedureType.Summary)
                    CheckSummaryLimit(row.PartyType, fine);
            }
        }
    }

    // 行政处罚法 第五十一条: on-the-spot fines at most 200 yuan (natural person) / 3000 yuan (organisation).
    private void CheckSummaryLimit(PartyType? party, decimal fine)
    {
        var organisation = party is PartyType.LegalPerson or PartyType.OtherOrganisation;
        var limit = organisation ? options.SummaryFineLimitOrganisation : options.SummaryFineLimitNaturalPerson;
        if (fine <= limit)
            return;
        var who = organisation ? "法人或其他组织" : party is null ? "未填当事人类型时按自然人" : "自然人";
        Error("罚款金额", $"简易程序罚款不得超过{limit:0.##}元({who},行政处罚法第五十一条),实际为{fine:0.00}元");
    }

    private void CheckDates(CaseRow row, bool filedOk)
    {
        row.DecidedOn = OptionalDate(Col.Decided);
        row.PublishedOn = OptionalDate(Col.Published);
        row.ClosedOn = OptionalDate(Col.Closed);
        if (filedOk && row.DecidedOn < row.FiledOn)
            Error("决定日期", $"决定日期 {row.DecidedOn:yyyy-MM-dd} 早于立案日期 {row.FiledOn:yyyy-MM-dd}");
        if (row.PublishedOn is not null && row.DecidedOn is null)
            Error("公示日期", "有公示日期但没有决定日期");
        else if (row.PublishedOn < row.DecidedOn)
            Error("公示日期", $"公示日期 {row.PublishedOn:yyyy-MM-dd} 早于决定日期 {row.DecidedOn:yyyy-MM-dd}");
        if (filedOk && row.ClosedOn < row.FiledOn)
            Error("结案日期", $"结案日期 {row.ClosedOn:yyyy-MM-dd} 早于立案日期 {row.FiledOn:yyyy-MM-dd}");
        else if (row.ClosedOn < row.DecidedOn)
            Error("结案日期", $"结案日期 {row.ClosedOn:yyyy-MM-dd} 早于决定日期 {row.DecidedOn:yyyy-MM-dd}");
    }
}
