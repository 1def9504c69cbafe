using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;

namespace Zhifa.Tests.Alerts;

/// <summary>
/// The record test bed with history crafted around today (China Standard Time, the platform's clock): agency A (AGA)
/// has an undecided case past its decision limit (Over), one near it (Due), a decision not published (Unpub), a
/// published case (Few) and an open inspection named A003, whose certificate was revoked on 2024-06-30 (Held); agency
/// B (AGB) has a decision published late (Late). No officer has training hours. Users offA, offB, sup, adminA.
/// </summary>
public static class AlertBed
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    public const string Over = "津河市监罚〔2026〕101号";
    public const string Due = "津河市监罚〔2026〕102号";
    public const string Unpub = "津河市监罚〔2026〕103号";
    public const string Few = "津河市监罚〔2026〕104号";
    public const string Held = "AGA-JC-2024-000001";
    public const string Late = "津河城管罚〔2026〕101号";

    private static string D(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    private static Dictionary<string, string> Seed() => new()
    {
        ["agencies.csv"] = "机关编码,机关名称,机关类别,区划代码\nAGA,天津市河东区市场监督管理局,委办局,120102\nAGB,天津市河东区城市管理委员会,委办局,120102\n",
        ["powers.csv"] = "职权编码,职权名称,职权类别,实施机关编码\nPA1,对销售不合格产品的行政处罚,行政处罚,AGA\n" +
            "PA2,食品经营者监督检查,行政检查,AGA\nPB1,对违法占道经营的行政处罚,行政处罚,AGB\n",
        ["officers.csv"] = "执法证号,姓名,所属机关编码,发证日期,注销日期\nA001,张伟,AGA,2020-01-01,\nA002,李娜,AGA,2020-01-01,\n" +
            "A003,王芳,AGA,2020-01-01,2024-06-30\nB001,刘洋,AGB,2020-01-01,\nB002,陈静,AGB,2020-01-01,\n",
        ["cases.csv"] = "案件编号,机关编码,案件类别,职权编码,立案日期,执法人员,程序类型,决定日期,公示日期,结案日期\n" +
            $"{Over},AGA,行政处罚,PA1,{D(120)},A001;A002,普通程序,,,\n" +
            $"{Due},AGA,行政处罚,PA1,{D(85)},A001;A002,普通程序,,,\n" +
            $"{Unpub},AGA,行政处罚,PA1,{D(60)},A001;A002,普通程序,{D(30)},,\n" +
            $"{Few},AGA,行政处罚,PA1,{D(50)},A001;A002,普通程序,{D(45)},{D(44)},{D(40)}\n" +
            $"{Held},AGA,行政检查,PA2,2024-05-01,A001;A003,,,,\n" +
            $"{Late},AGB,行政处罚,PB1,{D(60)},B001;B002,普通程序,{D(40)},{D(5)},\n",
    };

    public static async Task<RecordTestBed> StartAsync(PostgresServer? postgres)
    {
        var bed = await RecordTestBed.StartAsync(postgres, seed: Seed());
        await bed.AddUserAsync("adminA", "agency-admin", "AGA");
        return bed;
    }

    public static async Task<JsonElement> EvaluateAsync(RecordTestBed bed)
    {
        var response = await (await bed.ClientAsAsync("sup")).PostAsync("/api/v1/alerts/evaluate", null);
        var json = await Json(response);
        response.EnsureSuccessStatusCode();
        return json;
    }

    /// <summary>The open alerts the caller sees, as (kind, agency, record).</summary>
    public static async Task<List<(string Kind, string Agency, string Record)>> OpenAsync(HttpClient client, string query = "")
    {
        var page = await Json(await client.GetAsync("/api/v1/alerts?pageSize=500" + query));
        return page.GetProperty("items").EnumerateArray()
            .Select(a => (a.GetProperty("kind").GetString()!, a.GetProperty("agencyCode").GetString()!, a.GetProperty("record").GetString()!)).ToList();
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> TrainAsync(HttpClient client, string officer, object body) =>
        client.PostAsJsonAsync($"/api/v1/officers/{officer}/trainings", body);
}
