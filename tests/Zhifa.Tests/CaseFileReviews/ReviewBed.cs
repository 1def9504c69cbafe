using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;

namespace Zhifa.Tests.CaseFileReviews;

/// <summary>
/// The record test bed with closed case files for 案卷评查: AGA has 20 penalty cases closed in 2024 (津河市监罚〔2024〕101–120号),
/// one closed in 2023, one undecided and an inspection closed in 2024; AGB has 7 penalty cases decided in 2024 without a
/// closing date (津河城管罚〔2024〕101–107号); AGC has 2 closed in 2024. Users offA, offB, sup, plus revA and revB
/// (法制审核人员 of AGA and AGB) and adminA.
/// </summary>
public static class ReviewBed
{
    public const string Period2024From = "2024-01-01";
    public const string Period2024To = "2024-12-31";

    public static readonly string[] AgaCandidates = Enumerable.Range(101, 20).Select(i => $"津河市监罚〔2024〕{i}号").ToArray();
    public static readonly string[] AgbCandidates = Enumerable.Range(101, 7).Select(i => $"津河城管罚〔2024〕{i}号").ToArray();
    public static readonly string[] AgcCandidates = ["津河应急罚〔2024〕1号", "津河应急罚〔2024〕2号"];
    public const string AgaInspection = "AGA-JC-2024-000001";

    private static Dictionary<string, string> Seed()
    {
        var cases = new StringBuilder("案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型,决定日期,公示日期,结案日期\n");
        for (var i = 0; i < AgaCandidates.Length; i++)
            cases.Append(CultureInfo.InvariantCulture, $"{AgaCandidates[i]},AGA,行政处罚,PA1,2024-01-{i + 5:D2},A001;A002,普通程序,2024-03-01,2024-03-05,2024-04-{i + 1:D2}\n");
        cases.Append("津河市监罚〔2023〕9号,AGA,行政处罚,PA1,2023-06-01,A001;A002,普通程序,2023-08-01,2023-08-03,2023-12-01\n");
        cases.Append("津河市监罚〔2024〕200号,AGA,行政处罚,PA1,2024-05-01,A001;A002,普通程序,,,\n");
        cases.Append($"{AgaInspection},AGA,行政检查,PA2,2024-05-02,A001;A002,,,,2024-05-20\n");
        for (var i = 0; i < AgbCandidates.Length; i++)
            cases.Append(CultureInfo.InvariantCulture, $"{AgbCandidates[i]},AGB,行政处罚,PB1,2024-02-{i + 1:D2},B001;B002,普通程序,2024-06-{i + 1:D2},,\n");
        foreach (var n in AgcCandidates)
            cases.Append($"{n},AGC,行政处罚,PC1,2024-02-01,C001;C002,普通程序,2024-03-01,2024-03-02,2024-09-30\n");
        return new Dictionary<string, string>
        {
            ["agencies.csv"] = "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n" +
                "AGC,天津市河东区应急管理局,委办局,120102\n",
            ["powers.csv"] = "职权编码,职权名称,职权类别,实施机关编码\nPA1,对销售不合格产品的行政处罚,行政处罚,AGA\nPA2,食品经营者监督检查,行政检查,AGA\n" +
                "PB1,对违法占道经营的行政处罚,行政处罚,AGB\nPC1,对未落实安全生产责任的行政处罚,行政处罚,AGC\n",
            ["officers.csv"] = "执法证号,姓名,所属机关编码,发证日期\nA001,张伟,AGA,2020-01-01\nA002,李娜,AGA,2020-01-01\nB001,刘洋,AGB,2020-01-01\n" +
                "B002,陈静,AGB,2020-01-01\nC001,杨磊,AGC,2020-01-01\nC002,赵敏,AGC,2020-01-01\n",
            ["cases.csv"] = cases.ToString(),
        };
    }

    public static async Task<RecordTestBed> StartAsync(PostgresServer? postgres)
    {
        var bed = await RecordTestBed.StartAsync(postgres, seed: Seed());
        await bed.AddUserAsync("revA", "reviewer", "AGA");
        await bed.AddUserAsync("revB", "reviewer", "AGB");
        await bed.AddUserAsync("adminA", "agency-admin", "AGA");
        return bed;
    }

    public static object Batch(long? seed = 20240601, int? count = 5, decimal? ratio = null, int? minimum = null, string[]? agencies = null,
        string[]? categories = null, object[]? rubric = null) => new
    {
        title = "2024年度行政处罚案卷评查", periodFrom = Period2024From, periodTo = Period2024To, agencies = agencies ?? ["AGA", "AGB", "AGC"],
        categories, count, ratio, minimumPerAgency = minimum, seed, rubric,
    };

    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/v1/case-file-reviews", body);

    public static async Task<JsonElement> CreateOkAsync(HttpClient client, object body)
    {
        var response = await CreateAsync(client, body);
        var json = await Json(response);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, json.ToString());
        return json;
    }

    /// <summary>The drawn case numbers of one agency, in draw order.</summary>
    public static List<string> Sample(JsonElement batch, string agency) => batch.GetProperty("files").EnumerateArray()
        .Where(f => f.GetProperty("agencyCode").GetString() == agency).OrderBy(f => f.GetProperty("position").GetInt32())
        .Select(f => f.GetProperty("caseNumber").GetString()!).ToList();

    public static long FileId(JsonElement batch, string caseNumber) => batch.GetProperty("files").EnumerateArray()
        .First(f => f.GetProperty("caseNumber").GetString() == caseNumber).GetProperty("id").GetInt64();

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient client, long batch, long file, object items) =>
        client.PostAsJsonAsync($"/api/v1/case-file-reviews/{batch}/files/{file}/scores", new { items });

    /// <summary>Every item of the default rubric at its maximum, except the ones given.</summary>
    public static object[] FullMarks(params (string Code, decimal Points)[] except) => ReviewRubric.Default.Items
        .Select(i => (object)new { code = i.Code, points = except.FirstOrDefault(e => e.Code == i.Code) is { Code: not null } e ? e.Points : i.MaxPoints })
        .ToArray();

    public static Task<HttpResponseMessage> FindAsync(HttpClient client, long batch, long file, string itemCode, string text) =>
        client.PostAsJsonAsync($"/api/v1/case-file-reviews/{batch}/files/{file}/findings", new { itemCode, text });

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
