using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Zhifa.Tests.Records;
using Zhifa.Tests.Web;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The head files the case of an officer's 移交立案 from the prefilled 立案 form (ADR-010, ADR-013): the case page shows its
/// source inspection and the inspection page the filed case, each with its number and a link.
/// </summary>
public sealed partial class InspectionCaseLinkPagesTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await InspectionBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex RequestKey();

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
