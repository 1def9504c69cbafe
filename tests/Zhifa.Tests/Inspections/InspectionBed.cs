using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Identifiers;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The record test bed with inspection master data: agency A (AGA) with an inspection power PA2 and a penalty power
/// PA1, officers A001 and A002 and A003 (certificate revoked 2024-06-30); agency B (AGB) with PB1, PB2, B001, B002.
/// Users offA, offB (officers), sup (supervision office) and adminA (agency administrator of A).
/// </summary>
public static class InspectionBed
{
    public static readonly DateOnly Day = new(2025, 3, 10);
    public static readonly string PersonId = ResidentId.Complete("12010219800101123");
    public static readonly string CompanyCode = CreditCode.Complete("91120102MA05KXYW1");
    public static readonly string ShopCode = CreditCode.Complete("92120102MA06ABCD1");

    private static readonly Dictionary<string, string> Seed = new()
    {
        ["agencies.csv"] = "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n",
        ["powers.csv"] = "职权编码,职权名称,职权类别,实施机关编码,法律依据\n" +
            "PA1,对经营不符合食品安全标准食品的处罚,行政处罚,AGA,《中华人民共和国食品安全法》第一百二十四条\n" +
            "PA2,食品经营者监督检查,行政检查,AGA,《中华人民共和国食品安全法》第一百一十条\n" +
            "PB1,对违法占道经营的行政处罚,行政处罚,AGB,\nPB2,市容环境卫生监督检查,行政检查,AGB,\n",
        ["officers.csv"] = "执法证号,姓名,所属机关编码,发证日期,注销日期\n" +
            "A001,张伟,AGA,2020-01-01,\nA002,李娜,AGA,2020-01-01,\nA003,王芳,AGA,2020-01-01,2024-06-30\n" +
            "B001,刘洋,AGB,2020-01-01,\nB002,陈静,AGB,2020-01-01,\n",
    };

    public static async Task<RecordTestBed> StartAsync(PostgresServer? postgres)
    {
        var bed = await RecordTestBed.StartAsync(postgres, seed: Seed);
        await bed.AddUserAsync("adminA", "agency-admin", "AGA");
        return bed;
    }

    /// <summary>A valid inspection of a legal person by A001 and A002 under PA2, with <paramref name="changes"/> applied.</summary>
    public static Dictionary<string, object?> Body(params (string Key, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["powerCode"] = "PA2",
            ["officers"] = new[] { "A001", "A002" },
            ["partyType"] = "法人",
            ["partyName"] = "天津鑫盛餐饮管理有限公司",
            ["partyIdNumber"] = CompanyCode,
            ["inspectedOn"] = "2025-03-10",
            ["location"] = "河东区十一经路8号",
            ["findings"] = "检查了食品经营许可证、从业人员健康证明和进货查验记录",
            ["result"] = "未发现问题",
        };
        foreach (var (key, value) in changes)
            body[key] = value;
        return body;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inspections") { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Records and returns the created inspection (201 asserted).</summary>
    public static async Task<JsonElement> RecordOkAsync(HttpClient client, params (string Key, object? Value)[] changes)
    {
        var response = await PostAsync(client, Body(changes));
        var json = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Rows of every table an inspection writes (the import entry of chain 0 excluded).</summary>
    public static async Task<string> WrittenAsync(RecordTestBed bed)
    {
        var counts = new List<long>();
        foreach (var sql in new[]
                 {
                     "SELECT count(*) FROM cases", "SELECT count(*) FROM case_officers", "SELECT count(*) FROM inspections",
                     "SELECT count(*) FROM inspection_requests", "SELECT count(*) FROM inspection_numbers",
                     "SELECT count(*) FROM record_entries WHERE chain_key <> 0",
                 })
            counts.Add(await bed.ScalarAsync<long>(sql));
        return string.Join(",", counts);
    }
}
