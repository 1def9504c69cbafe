using System.Net;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.Publicity.PublicitySeed;

namespace Zhifa.Tests.Publicity;

/// <summary>
/// The public decision search through the real HTTP API, anonymously, on SQLite and PostgreSQL: only shown decisions,
/// masked natural persons, search by party (surname only for natural persons), agency, number and decision date, paging.
/// </summary>
public abstract partial class PublicityApiTests
{
    protected abstract Task<PublicityServer> ServerAsync();

    private async Task<HttpResponseMessage> GetAsync(string url) => await (await ServerAsync()).Anonymous().GetAsync(url);

    private async Task<JsonElement> PageAsync(string query)
    {
        var response = await GetAsync("/api/v1/public/decisions?" + query);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

    private static JsonElement Item(JsonElement page, string number) =>
        page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == number);

    /// <summary>Every string value in a JSON document, decoded.</summary>
    internal static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Decisions_ShowOnlyPublishedGeneralPenaltiesWithinTheirPeriod()
    {
        var numbers = Numbers(await PageAsync("pageSize=500"));

        numbers.ShouldContain(Org);
        numbers.ShouldContain(Person);
        numbers.ShouldContain(Compound);
        numbers.ShouldContain(ShortNew);
        numbers.ShouldContain(Late);
        numbers.ShouldNotContain(ShortOld);     // 3 months over
        numbers.ShouldNotContain(LongOld);      // 3 years over
        numbers.ShouldNotContain(Unpublished);
        numbers.ShouldNotContain(Future);
        numbers.ShouldNotContain(Summary);
        numbers.ShouldNotContain(Inspection);
    }

    [Fact]
    public async Task Decisions_MaskNaturalPersonsAndShowOrganisationsWithCreditCode()
    {
        var response = await GetAsync("/api/v1/public/decisions?pageSize=500");
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(text).RootElement;

        Item(page, Person).GetProperty("party").GetString().ShouldBe("张**");
        Item(page, Person).GetProperty("partyType").GetString().ShouldBe("自然人");
        Item(page, Person).GetProperty("partyCreditCode").ValueKind.ShouldBe(JsonValueKind.Null);
        Item(page, Compound).GetProperty("party").GetString().ShouldBe("欧阳*");
        Item(page, TwoCharacters).GetProperty("party").GetString().ShouldBe("司*");
        Item(page, Unknown).GetProperty("party").GetString().ShouldBe("王*");
        Item(page, Org).GetProperty("party").GetString().ShouldBe("天津市河东区鑫盛商贸有限公司");
        Item(page, Org).GetProperty("partyCreditCode").GetString().ShouldBe(OrgCode);
        Item(page, Org).GetProperty("agencyName").GetString().ShouldBe("天津市河东区市场监督管理局");
        Item(page, Org).GetProperty("fine").GetDecimal().ShouldBe(80_000m);
        var values = Strings(page).ToList();
        values.ShouldContain("张**"); // the check below reads decoded values, so it can fail
        foreach (var fullName in new[] { "张三丰", "欧阳修", "王五", "司马" })
            values.ShouldAllBe(v => !v.Contains(fullName));
    }

    [Theory]
    [InlineData("鑫盛", new[] { Org, Late }, new[] { ShortOld, LongOld, Unpublished, Future, Inspection })]
    [InlineData("河东区鑫盛", new[] { Org }, new[] { Late })]
    [InlineData(OrgCode, new[] { Org }, new[] { Late })]
    [InlineData("91120102ma05k3qx1n", new[] { Org }, new[] { Late })] // a credit code in lower case
    [InlineData("商贸有限公司", new[] { Org }, new[] { Late, ShortNew })]
    [InlineData("司", new[] { TwoCharacters }, new string[0])]
    [InlineData("张", new[] { Person }, new[] { Summary })]
    [InlineData("张**", new[] { Person }, new string[0])]
    [InlineData("欧阳", new[] { Compound }, new string[0])]
    [InlineData("阳", new[] { Compound }, new string[0])]
    [InlineData("王", new[] { Unknown }, new string[0])]
    public async Task PartySearch_FindsBySubstringOfOrganisationsAndSurnameOfPersons(string party, string[] found, string[] notFound)
    {
        var numbers = Numbers(await PageAsync("pageSize=500&party=" + Uri.EscapeDataString(party)));

        foreach (var n in found)
            numbers.ShouldContain(n);
        foreach (var n in notFound)
            numbers.ShouldNotContain(n);
    }

    [Theory]
    [InlineData("张三")]   // the hidden characters of 张三丰
    [InlineData("张三丰")] // the full name
    [InlineData("修")]     // the hidden given name of 欧阳修
    [InlineData("马")]     // 司马 is 司 + 马: 马 is hidden
    [InlineData("五")]     // a party of unknown type is masked like a person
    public async Task PartySearch_OnHiddenCharacters_FindsNothing(string party)
    {
        var page = await PageAsync("party=" + Uri.EscapeDataString(party));

        page.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task AgencyFilter_PagesWithTheTotalOnEveryPage()
    {
        var pages = new List<JsonElement>();
        for (var p = 1; p <= 3; p++)
            pages.Add(await PageAsync($"agency=AGB&pageSize=3&page={p}"));

        pages.Select(p => p.GetProperty("total").GetInt32()).ShouldAllBe(t => t == AgencyB.Length);
        pages.Select(p => Numbers(p).Count).ShouldBe([3, 3, 1]);
        pages.SelectMany(Numbers).Order().ShouldBe(AgencyB.Order());
        var decided = pages.SelectMany(p => p.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("decidedOn").GetString()!)).ToList();
        decided.ShouldBe(decided.OrderDescending(StringComparer.Ordinal).ToList()); // newest decision first
        Numbers(await PageAsync("agency=AGB&party=" + Uri.EscapeDataString("鑫盛"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task NumberSearch_FindsExactlyThatDecisionWhenShown()
    {
        Numbers(await PageAsync("number=" + Org)).ShouldBe([Org]);
        (await PageAsync("number=" + Unpublished)).GetProperty("total").GetInt32().ShouldBe(0);
        (await PageAsync("number=P-ORG")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task DateRange_FiltersOnTheDecisionDate()
    {
        var today = PublicityServer.Today;
        var page = await PageAsync($"from={PublicityServer.Iso(today.AddDays(-103))}&to={PublicityServer.Iso(today.AddDays(-101))}");

        Numbers(page).Order().ShouldBe(["B-1", "B-2", "B-3"]);
        page.GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Detail_OfShownDecision_HasBasisAndPeriod_AndOthersAre404()
    {
        var org = await JsonAsync(await GetAsync("/api/v1/public/decisions/" + Org));
        org.GetProperty("legalBasis").GetString().ShouldBe("《中华人民共和国产品质量法》第四十九条");
        org.GetProperty("publicationPeriod").GetString().ShouldBe("3年");
        org.GetProperty("shownUntil").GetString().ShouldBe(PublicityServer.Iso(PublicityServer.Today.AddDays(-35).AddYears(3)));
        var shortNew = await JsonAsync(await GetAsync("/api/v1/public/decisions/" + ShortNew));
        shortNew.GetProperty("publicationPeriod").GetString().ShouldBe("3个月");

        foreach (var hidden in new[] { Unpublished, ShortOld, LongOld, Future, Summary, Inspection, "NOPE" })
        {
            var response = await GetAsync("/api/v1/public/decisions/" + hidden);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, hidden);
            (await JsonAsync(response)).GetProperty("code").GetString().ShouldBe("publicity.decision_not_found");
        }
    }

    [Fact]
    public async Task BadSearch_IsAChineseProblemWithAStableCode()
    {
        var badDate = await GetAsync("/api/v1/public/decisions?from=2024-13-01&to=2024-01-01");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(badDate);
        problem.GetProperty("code").GetString().ShouldBe("request.invalid");
        problem.GetProperty("errors").GetProperty("from")[0].GetString()!.ShouldContain("开始日期");

        var reversed = await JsonAsync(await GetAsync("/api/v1/public/decisions?from=2024-02-01&to=2024-01-01"));
        reversed.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("早于");

        var agency = await GetAsync("/api/v1/public/decisions?agency=NOPE");
        agency.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonAsync(agency)).GetProperty("code").GetString().ShouldBe("agency.not_found");

        (await GetAsync("/api/v1/public/decisions?pageSize=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var beyond = await GetAsync("/api/v1/public/decisions?page=201&pageSize=50"); // starts at the 10,001st match
        beyond.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(beyond)).GetProperty("errors").GetProperty("page")[0].GetString()!.ShouldContain("只能查看前 10000 件");
        (await PageAsync("page=200&pageSize=50")).GetProperty("moreThanTotal").GetBoolean().ShouldBeFalse();
    }
}

public sealed class SqlitePublicityApiTests(SqlitePublicityFixture fixture) : PublicityApiTests, IClassFixture<SqlitePublicityFixture>
{
    protected override Task<PublicityServer> ServerAsync() => Task.FromResult(fixture.Server);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicityApiTests(PostgresServer postgres, PostgresPublicityFixture fixture)
    : PublicityApiTests, IClassFixture<PostgresPublicityFixture>
{
    protected override Task<PublicityServer> ServerAsync() => fixture.ServerAsync(postgres);
}
