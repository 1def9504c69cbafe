using System.Globalization;
using Zhifa.Domain.Calendar;

namespace Zhifa.Demo;

/// <summary>The rows of the four exchange-format files, headers first, as the generator produced them.</summary>
internal sealed class DemoTables
{
    public List<string?[]> Agencies { get; } = [["机关编码", "机关名称", "机关类别", "区划代码"]];
    public List<string?[]> Powers { get; } = [["职权编码", "职权名称", "职权类别", "实施机关编码", "法律依据"]];
    public List<string?[]> Officers { get; } = [["执法证号", "姓名", "所属机关编码", "发证日期", "注销日期", "法制审核人员", "身份证号"]];
    public List<string?[]> Cases { get; } =
    [[
        "案件编号", "机关编码", "案件类别", "职权编码", "立案日期", "执法人员", "程序类型", "当事人类型", "当事人名称",
        "统一社会信用代码", "罚款金额", "决定日期", "公示日期", "结案日期", "处理结果",
    ]];
    public int Inspections, Penalties, Others;
}

/// <summary>
/// Produces two years of activity of 演示区 — the previous full year and the current year up to <c>today</c> —
/// that satisfies every import rule: each case names two or three officers of its agency whose certificates are
/// valid on the filing date and a power of the same agency and category; 简易程序 fines stay within 第五十一条.
/// A few general-procedure penalties are decided late, published late or not at all, so the supervision lists
/// have something to show. Deterministic for a seed and a day: only lists are enumerated, never hashed sets.
/// </summary>
internal sealed class DemoGenerator
{
    private sealed record Officer(string Number, DateOnly Issued, DateOnly? Revoked)
    {
        public bool ValidOn(DateOnly d) => Issued <= d && (Revoked is null || Revoked > d);
    }

    private readonly Random _rng;
    private readonly DemoNames _names;
    private readonly WorkingDayCalendar _calendar;
    private readonly DateOnly _today;
    private readonly DateOnly _start;
    private readonly DemoTables _t = new();
    private readonly List<Officer>[] _officers;
    private readonly List<DemoParty> _organisations, _persons;

    public DemoGenerator(int seed, DateOnly today, WorkingDayCalendar calendar)
    {
        _rng = new Random(seed);
        _names = new DemoNames(_rng);
        _calendar = calendar;
        _today = today;
        _start = new DateOnly(today.Year - 1, 1, 1);
        _officers = DemoCatalog.Agencies.Select(_ => new List<Officer>()).ToArray();
        var parties = _names.Parties(companies: 600, businesses: 300, persons: 900);
        _organisations = parties.Where(p => !p.IsNaturalPerson).ToList();
        _persons = parties.Where(p => p.IsNaturalPerson).ToList();
    }

    public static string AgencyCode(int index) => $"{DemoCatalog.RegionCode}{index + 1:D3}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? d) => d is { } v ? Day(v) : null;

    private static string Money(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);

    private DateOnly? NotAfterToday(DateOnly d) => d <= _today ? d : null;

    public DemoTables Generate(int casesPerYear, int officersTotal = 300)
    {
        MasterData(officersTotal);
        Cases(casesPerYear);
        return _t;
    }

    private void MasterData(int officersTotal)
    {
        var totalWeight = DemoCatalog.Agencies.Sum(a => a.Weight);
        var span = _today.DayNumber - _start.DayNumber;
        var number = 0;
        for (var i = 0; i < DemoCatalog.Agencies.Length; i++)
        {
            var a = DemoCatalog.Agencies[i];
            var code = AgencyCode(i);
            _t.Agencies.Add([code, a.Name, a.Category, DemoCatalog.RegionCode]);
            foreach (var p in a.Powers)
                _t.Powers.Add([$"{code}-{p.Suffix}", p.Name, p.Category, code, p.LegalBasis]);

            var count = Math.Max(6, (int)Math.Round(officersTotal * (double)a.Weight / totalWeight));
            for (var j = 0; j < count; j++)
            {
                // The first three of every agency hold certificates throughout, so a case always finds two officers.
                DateOnly issued;
                DateOnly? revoked = null;
                if (j >= 3 && _rng.NextDouble() < 0.15)
                    issued = _start.AddDays(_rng.Next(0, span + 1)); // new certificates (申领) within the two years
                else
                {
                    issued = _start.AddDays(-_rng.Next(30, 12 * 365));
                    if (j >= 3 && _rng.NextDouble() < 0.07)
                        revoked = _start.AddDays(_rng.Next(0, span + 1)); // 注销 on retirement or transfer
                }
                var officer = new Officer($"YS{++number:D5}", issued, revoked);
                _officers[i].Add(officer);
                var reviewer = j == 0 || _rng.NextDouble() < 0.08;
                _t.Officers.Add([officer.Number, _names.PersonName(), code, Day(issued), Day(revoked), reviewer ? "是" : "否", _names.ResidentId()]);
            }
        }
    }

    private void Cases(int casesPerYear)
    {
        // Cases fall mostly on working days; the current year runs about 8% above the previous one.
        var weightOfYear = new Dictionary<int, double>();
        for (var year = _start.Year; year <= _today.Year; year++)
        {
            double w = 0;
            for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
                w += DayWeight(d);
            weightOfYear[year] = w;
        }
        var seq = 0;
        var year0 = _start.Year;
        for (var d = _start; d <= _today; d = d.AddDays(1))
        {
            if (d.Year != year0)
            {
                year0 = d.Year;
                seq = 0;
            }
            var factor = d.Year == _start.Year ? 1.0 : 1.08;
            var expected = casesPerYear * factor * DayWeight(d) / weightOfYear[d.Year];
            var n = (int)expected + (_rng.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            for (var k = 0; k < n; k++)
                Case($"YS{d.Year}{++seq:D6}", d);
        }
    }

    private double DayWeight(DateOnly d) => _calendar.IsWorkingDay(d) ? 1.0 : 0.08;

    private void Case(string number, DateOnly filed)
    {
        var r = _rng.NextDouble();
        var category = r < 0.90 ? "行政检查" : r < 0.96 ? "行政处罚" : "行政强制";
        var agency = PickAgency(category, filed);
        var code = AgencyCode(agency);
        var powers = DemoCatalog.Agencies[agency].Powers.Where(p => p.Category == category).ToList();
        var power = $"{code}-{_names.Pick(powers).Suffix}";
        var officers = PickOfficers(agency, filed);
        var row = category switch
        {
            "行政检查" => Inspection(filed),
            "行政处罚" => Penalty(filed),
            _ => Coercion(filed),
        };
        _t.Cases.Add([number, code, category, power, Day(filed), officers, .. row]);
    }

    private int PickAgency(string category, DateOnly filed)
    {
        var agencies = DemoCatalog.Agencies;
        var total = 0;
        foreach (var a in agencies)
            total += a.Powers.Any(p => p.Category == category) ? a.Weight : 0;
        while (true)
        {
            var x = _rng.Next(total);
            for (var i = 0; i < agencies.Length; i++)
            {
                if (!agencies[i].Powers.Any(p => p.Category == category))
                    continue;
                if ((x -= agencies[i].Weight) >= 0)
                    continue;
                var blocked = filed.Year == _start.Year && DemoCatalog.ZeroEnforcementMonths.Contains((i, filed.Month));
                if (!blocked)
                    return i;
                break; // 零执法: this agency has no case that month; draw again
            }
        }
    }

    private string PickOfficers(int agency, DateOnly filed)
    {
        var valid = _officers[agency].Where(o => o.ValidOn(filed)).ToList();
        var count = Math.Min(valid.Count, _rng.NextDouble() < 0.7 ? 2 : 3);
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var o = valid[_rng.Next(valid.Count)].Number;
            if (!chosen.Contains(o))
                chosen.Add(o);
        }
        return string.Join(';', chosen);
    }

    private DemoParty Party(double naturalShare) => _rng.NextDouble() < naturalShare ? _names.Pick(_persons) : _names.Pick(_organisations);

    // Columns from 程序类型 to 处理结果.
    private string?[] Columns(string? procedure, DemoParty party, decimal? fine, DateOnly? decided, DateOnly? published, DateOnly? closed,
        string outcome) =>
        [procedure, party.Type, party.Name, party.CreditCode, fine is { } f ? Money(f) : null, Day(decided), Day(published), Day(closed), outcome];

    private string?[] Inspection(DateOnly filed)
    {
        _t.Inspections++;
        var r = _rng.NextDouble();
        var outcome = r < 0.70 ? "未发现问题" : r < 0.95 ? "责令改正" : "移交立案";
        return Columns(null, Party(0.25), null, null, null, NotAfterToday(filed.AddDays(_rng.Next(0, 3))), outcome);
    }

    private string?[] Penalty(DateOnly filed)
    {
        _t.Penalties++;
        var party = Party(0.35);
        if (_rng.NextDouble() < 0.40)
        {
            // 简易程序 (当场处罚): within the 第五十一条 limits, decided and closed on the spot.
            decimal onTheSpot = party.IsNaturalPerson ? _names.Pick(new[] { 50m, 100m, 200m }) : _rng.Next(2, 31) * 100m;
            return Columns("简易程序", party, onTheSpot, filed, null, filed, "给予处罚");
        }
        var r = _rng.NextDouble();
        var days = r < 0.05 ? _rng.Next(95, 140) : r < 0.15 ? _rng.Next(70, 89) : _rng.Next(15, 70);
        var decided = NotAfterToday(filed.AddDays(days));
        if (decided is null)
            return Columns("普通程序", party, null, null, null, null, "调查取证中");
        var exempt = _rng.NextDouble() < 0.05; // 首违不罚 / 轻微不罚
        decimal? fine = exempt ? null : (party.IsNaturalPerson ? _rng.Next(2, 51) : _rng.Next(10, 201)) * 100m;
        var p = _rng.NextDouble();
        DateOnly? published = p < 0.06 ? null
            : p < 0.14 ? _calendar.AddWorkingDays(decided.Value, _rng.Next(8, 26)).Date
            : _calendar.AddWorkingDays(decided.Value, _rng.Next(1, 8)).Date;
        published = published is { } pub ? NotAfterToday(pub) : null;
        var closed = NotAfterToday(decided.Value.AddDays(_rng.Next(5, 46)));
        return Columns("普通程序", party, fine, decided, published, closed, exempt ? "不予处罚" : "给予处罚");
    }

    private string?[] Coercion(DateOnly filed)
    {
        _t.Others++;
        var outcome = _rng.NextDouble() < 0.5 ? "查封场所、设施或者财物" : "扣押财物";
        return Columns(null, Party(0.15), null, null, null, NotAfterToday(filed.AddDays(_rng.Next(7, 31))), outcome);
    }
}
