using System.Text;
using static Zhifa.Tests.Publicity.PublicityServer;

namespace Zhifa.Tests.Publicity;

/// <summary>The exchange-format files of the publicity scenarios, dated relative to <c>today</c>.</summary>
public static class PublicitySeed
{
    public const string OrgCode = "91120102MA05K3QX1N";

    // Shown on the portal.
    public const string Org = "P-ORG-1";             // AGA, 天津市河东区鑫盛商贸有限公司, 80,000 yuan: 3 years
    public const string Person = "P-PERSON-1";       // AGA, 张三丰 (natural person)
    public const string Compound = "P-PERSON-2";     // AGB, 欧阳修 (compound surname)
    public const string TwoCharacters = "P-PERSON-3"; // AGA, 司马 (a two-character name: 司*)
    public const string Unknown = "P-UNKNOWN";       // AGA, 王五 without party type
    public const string ShortNew = "P-SHORT-NEW";    // AGB, 2,000 yuan to an organisation, published 15 days ago: 3 months
    public const string Late = "P-LATE";             // AGA, published 40 days after the decision (逾期公示)
    public const string Withdraw1 = "P-WITHDRAW-1";  // AGA, withdrawn by a test
    public const string Withdraw2 = "P-WITHDRAW-2";  // AGA, withdrawn by a test
    public static readonly string[] AgencyB = [Compound, ShortNew, "B-1", "B-2", "B-3", "B-4", "B-5"];

    // Never shown.
    public const string ShortOld = "P-SHORT-OLD";    // 1,000 yuan published 146 days ago: the 3 months are over
    public const string LongOld = "P-LONG-OLD";      // published 4 years ago: the 3 years are over
    public const string Unpublished = "P-UNPUB";     // decided 60 days ago, not published (未公示)
    public const string Future = "P-FUTURE";         // publication date after today
    public const string Summary = "P-SUMMARY";       // 简易程序
    public const string Inspection = "INS-1";        // not a penalty

    public static IEnumerable<(string File, string Text)> Files(DateOnly today)
    {
        yield return ("agencies.csv", "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n");
        yield return ("powers.csv", "职权编码,职权名称,职权类别,实施机关编码,法律依据\n" +
                                    "PA1,对销售不合格产品的行政处罚,行政处罚,AGA,《中华人民共和国产品质量法》第四十九条\n" +
                                    "PA2,食品经营监督检查,行政检查,AGA,《中华人民共和国食品安全法》第一百一十条\n" +
                                    "PB1,对违法占道经营的行政处罚,行政处罚,AGB,《城市市容和环境卫生管理条例》第三十六条\n");
        yield return ("officers.csv", "执法证号,姓名,所属机关编码,发证日期,注销日期,身份证号\n" +
                                      "A001,张伟,AGA,2020-01-01,,11010519491231002X\nA002,李娜,AGA,2020-01-01,,\n" +
                                      "A009,赵强,AGA,2020-01-01,2023-06-30,\nB001,刘洋,AGB,2020-01-01,,\nB002,陈静,AGB,2020-01-01,,\n");
        var cases = new StringBuilder("案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型,当事人类型,当事人名称,统一社会信用代码,罚款金额,决定日期,公示日期,结案日期,处理结果\n");
        void Row(string number, string agency, string party, string? type, string? code, decimal? fine, int decidedDaysAgo, int? publishedDaysAgo,
            string outcome = "罚款", string procedure = "普通程序", string category = "行政处罚")
        {
            var decided = today.AddDays(-decidedDaysAgo);
            var filed = decided.AddDays(-10);
            var power = category == "行政检查" ? "PA2" : agency == "AGA" ? "PA1" : "PB1";
            var team = agency == "AGA" ? "A001;A002" : "B001;B002";
            var published = publishedDaysAgo is { } p ? Iso(today.AddDays(-p)) : "";
            var decision = category == "行政检查" ? "" : Iso(decided);
            cases.Append($"{number},{agency},{category},{power},{Iso(filed)},{team},{(category == "行政检查" ? "" : procedure)},{type},{party},{code},{fine},{decision},{published},,{outcome}\n");
        }

        Row(Org, "AGA", "天津市河东区鑫盛商贸有限公司", "法人", OrgCode, 80_000m, 40, 35);
        Row(Person, "AGA", "张三丰", "自然人", null, 8_000m, 30, 25);
        Row(Compound, "AGB", "欧阳修", "自然人", null, 20_000m, 20, 18);
        Row(TwoCharacters, "AGA", "司马", "自然人", null, 9_000m, 22, 20);
        Row(Unknown, "AGA", "王五", null, null, 7_000m, 24, 21);
        Row(ShortNew, "AGB", "河东区兴达便利店", "其他组织", null, 2_000m, 20, 15);
        Row(Late, "AGA", "天津鑫盛迟到有限公司", "法人", null, 90_000m, 100, 60);
        Row(Withdraw1, "AGA", "天津鑫盛撤回一有限公司", "法人", null, 70_000m, 50, 45);
        Row(Withdraw2, "AGA", "天津鑫盛撤回二有限公司", "法人", null, 70_000m, 52, 46);
        for (var i = 1; i <= 5; i++)
            Row($"B-{i}", "AGB", $"河东区第{i}号商店有限公司", "法人", null, 60_000m, 100 + i, 97 + i);

        Row(ShortOld, "AGA", "天津鑫盛小吃店", "其他组织", null, 1_000m, 150, 146);
        Row(LongOld, "AGA", "天津鑫盛老字号有限公司", "法人", null, 100_000m, 4 * 365 + 4, 4 * 365);
        Row(Unpublished, "AGA", "天津鑫盛未公示有限公司", "法人", null, 60_000m, 60, null);
        Row(Future, "AGA", "天津鑫盛将来有限公司", "法人", null, 60_000m, 2, -3);
        Row(Summary, "AGA", "张小明", "自然人", null, 100m, 10, 5, procedure: "简易程序");
        Row(Inspection, "AGA", "天津鑫盛检查有限公司", "法人", null, null, 10, null, outcome: "未发现问题", category: "行政检查");
        yield return ("cases.csv", cases.ToString());
    }
}
