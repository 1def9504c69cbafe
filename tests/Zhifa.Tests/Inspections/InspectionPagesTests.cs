using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Zhifa.Tests.Records;
using Zhifa.Tests.Web;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>The inspection pages as an officer uses them on site: list, form, detail with rectification and 移交立案.</summary>
public sealed partial class InspectionPagesTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await InspectionBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex RequestKey();

    [Fact]
    public async Task ListAndForm_AsOfficer_ShowChineseLabelsAndOnlyTheOwnAgencysPowersAndValidOfficers()
    {
        using var client = await SignedInAsync("offA");

        var list = await client.GetStringAsync("/inspections");
        var form = await client.GetStringAsync("/inspections/new");

        list.ShouldContain("<h1>行政检查</h1>");
        list.ShouldContain("<a href=\"/inspections\">行政检查</a>"); // the nav link of the layout
        foreach (var label in new[] { "检查日期自", "检查结果", "当事人", "执法证号", "记录检查", "共 0 次检查" })
            list.ShouldContain(label);
        foreach (var label in new[] { "检查职权", "执法人员（至少两名，执法证有效）", "检查日期", "检查地点", "当事人类型", "当事人名称",
                     "身份证号或统一社会信用代码", "未填写身份证号的原因", "检查情况", "检查结果", "整改期限", "未发现问题", "责令改正", "移交立案" })
            form.ShouldContain(label);
        form.ShouldContain("<option value=\"PA2\">食品经营者监督检查</option>");
        form.ShouldNotContain("PA1"); // a penalty power
        form.ShouldNotContain("PB2"); // another agency's inspection power
        form.ShouldContain("value=\"A001\"");
        form.ShouldContain("value=\"A002\"");
        form.ShouldNotContain("value=\"A003\""); // revoked
        form.ShouldNotContain("B001");
        form.ShouldContain("<script src=\"/js/identifiers.js\"></script>");
        form.ShouldContain("name=\"viewport\"");
    }

    [Fact]
    public async Task Form_WithAWrongCheckCharacter_ShowsTheServersMessageBesideTheFieldAndWritesNothing()
    {
        using var client = await SignedInAsync("offA");
        var html = await client.GetStringAsync("/inspections/new");
        var wrong = PersonId[..17] + (PersonId[17] == '5' ? '6' : '5');

        var response = await client.PostAsync("/inspections/new", PageClient.Form(PageClient.Token(html), Fields(html,
            ("Input.PartyType", "自然人"), ("Input.PartyName", "王芳"), ("Input.PartyIdNumber", wrong))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain($"data-valmsg-for=\"Input.PartyIdNumber\" data-valmsg-replace=\"true\">当事人身份证号第18位校验码应为{PersonId[17]}，实际为{wrong[17]}</span>");
        (await WrittenAsync(_bed)).ShouldBe("0,0,0,0,0,0");
    }

    [Fact]
    public async Task Form_SentTwice_RecordsOneInspection_AndItsDetailRefersIt()
    {
        using var client = await SignedInAsync("offA");
        var html = await client.GetStringAsync("/inspections/new");
        var fields = Fields(html, ("Input.Result", "移交立案"), ("Input.Findings", "冷藏柜内发现超过保质期的熟食制品12盒"));

        var first = await client.PostAsync("/inspections/new", PageClient.Form(PageClient.Token(html), fields));
        var second = await client.PostAsync("/inspections/new", PageClient.Form(PageClient.Token(html), fields));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var path = first.Headers.Location!.ToString();
        var detail = await client.GetStringAsync(path);
        detail.ShouldContain("已记录检查 AGA-JC-2025-000001");
        detail.ShouldContain("冷藏柜内发现超过保质期的熟食制品12盒");
        detail.ShouldContain("待移交立案");
        detail.ShouldContain("记录检查</td>"); // the record entry
        detail.ShouldContain("哈希链校验通过");

        var referred = await client.PostAsync(path + "?handler=Refer", PageClient.Form(PageClient.Token(detail), ("Input.Version", "1")));
        referred.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync(path);
        after.ShouldContain("已移交立案，立案材料见下方");
        after.ShouldContain("立案材料");
        after.ShouldContain("对经营不符合食品安全标准食品的处罚（PA1）");
        after.ShouldNotContain("<button type=\"submit\">移交立案</button>");
        (await WrittenAsync(_bed)).ShouldBe("1,2,1,1,1,2");
    }

    [Fact]
    public async Task Supervisor_SeesTheListButNotTheForm()
    {
        await RecordOkAsync(await _bed.ClientAsAsync("offA"));
        using var client = await SignedInAsync("sup");

        var list = await client.GetStringAsync("/inspections");
        var form = await client.GetAsync("/inspections/new");

        list.ShouldContain("AGA-JC-2025-000001");
        list.ShouldNotContain("href=\"/inspections/new\"");
        form.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        form.Headers.Location!.ToString().ShouldContain("/denied");
    }

    [Fact]
    public async Task Scripts_AreServedWithTheIdentifierAlgorithm()
    {
        using var client = PageClient.Create(new Uri(_bed.App.Urls.First()));

        var response = await client.GetAsync("/js/identifiers.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"10X98765432\"");
        (await client.GetAsync("/js/inspection-form.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A valid form (the legal person of the API tests) with the page's request key and <paramref name="changes"/>.</summary>
    private static (string, string)[] Fields(string html, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.RequestKey"] = RequestKey().Match(html).Groups[1].Value,
            ["Input.PowerCode"] = "PA2",
            ["Input.InspectedOn"] = "2025-03-10",
            ["Input.Location"] = "河东区十一经路8号",
            ["Input.PartyType"] = "法人",
            ["Input.PartyName"] = "天津鑫盛餐饮管理有限公司",
            ["Input.PartyIdNumber"] = CompanyCode,
            ["Input.Findings"] = "检查了食品经营许可证",
            ["Input.Result"] = "未发现问题",
        };
        foreach (var (key, value) in changes)
            fields[key] = value;
        return [.. fields.Select(f => (f.Key, f.Value)), ("Input.Officers", "A001"), ("Input.Officers", "A002")];
    }

    /// <summary>
    /// The head files the case of an officer's 移交立案 from the prefilled 立案 form (ADR-010, ADR-013): the case page shows its
    /// source inspection and the inspection page the filed case, each with its number and a link.
    /// </summary>
    [Fact]
    public async Task PrefilledFiling_OfAnOfficersReferral_LinksTheCaseAndTheInspectionOnBothPages()
    {
        var officer = await _bed.ClientAsAsync("offA");
        var inspection = await RecordOkAsync(officer, ("result", "移交立案"), ("findings", "冷藏柜内发现超过保质期的熟食制品12盒"));
        var id = inspection.GetProperty("id").GetInt64();
        var number = inspection.GetProperty("number").GetString()!;
        (await officer.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var head = await SignedInAsync("adminA");

        var form = await head.GetStringAsync($"/penalty-cases/new?inspection={id}");

        form.ShouldContain($"<input type=\"hidden\" name=\"Input.InspectionId\" value=\"{id}\" />");
        form.ShouldContain($"按行政检查 <a href=\"/inspections/{id}\">{number}</a> 的移交立案材料立案");
        var posted = await head.PostAsync("/penalty-cases/new", PageClient.Form(PageClient.Token(form),
            ("Input.RequestKey", RequestKey().Match(form).Groups[1].Value), ("Input.InspectionId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PowerCode", "PA1"), ("Input.Officers", "A001"), ("Input.Officers", "A002"), ("Input.Party.Type", "法人"),
            ("Input.Party.Name", "天津鑫盛餐饮管理有限公司"), ("Input.Party.Identifier", CompanyCode), ("Input.ActOn", "2025-03-10"),
            ("Input.DiscoveredOn", "2025-03-10"), ("Input.FiledOn", "2025-03-11"), ("Input.CaseSummary", "冷藏柜内发现超过保质期的熟食制品12盒"),
            ("Input.CaseSource", "监督检查")));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var caseUrl = posted.Headers.Location!.ToString();
        var caseId = long.Parse(caseUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var caseNumber = await _bed.ScalarAsync<string>("SELECT number FROM cases WHERE id = @caseId", new { caseId });
        var casePage = await head.GetStringAsync(caseUrl);
        casePage.ShouldContain($"<tr id=\"source-inspection\"><th>来源检查</th><td><a href=\"/inspections/{id}\">{number}</a>");
        var inspectionPage = await head.GetStringAsync($"/inspections/{id}");
        inspectionPage.ShouldContain($"已立案：<a href=\"/penalty-cases/{caseId}\">{caseNumber}</a>");
        inspectionPage.ShouldNotContain("按移交材料立案");
        inspectionPage.ShouldContain("立案（关联处罚案件）");
        // Once linked, the 立案 form of the same inspection no longer carries it: a second case is not tied to it.
        (await head.GetStringAsync($"/penalty-cases/new?inspection={id}")).ShouldNotContain("Input.InspectionId\" value");
    }
}
