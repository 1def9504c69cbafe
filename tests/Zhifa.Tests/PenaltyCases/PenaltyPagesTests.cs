using System.Net;
using System.Text.RegularExpressions;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>The penalty-case pages as officers and the head use them: workbench, list, case page with its step forms, 立案.</summary>
public sealed partial class PenaltyPagesTests : IAsyncLifetime
{
    private PenaltyTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PenaltyTestBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex RequestKey();

    private static (string, string)[] Evidence(long version, params string[] collectors) =>
    [
        ("Input.Step", "record-evidence"), ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Input.Kind", "InspectionRecord"), ("Input.Description", "现场检查笔录:货架上有超过保质期的牛奶12盒"), ("Input.CollectedOn", "2024-05-08"),
        .. collectors.Select(c => ("Input.Collectors", c)),
    ];

    [Fact]
    public async Task Pages_AsAnOfficer_ShowTheWorkbenchListCaseAndForms()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        using var officer = await SignedInAsync("A001");
        using var head = await SignedInAsync("headA");

        var workbench = await officer.GetStringAsync("/workbench");
        var list = await officer.GetStringAsync("/penalty-cases?stage=Filed");
        var page = await officer.GetStringAsync($"/penalty-cases/{driver.Id}");
        var filing = await head.GetStringAsync("/penalty-cases/new");
        var summary = await officer.GetStringAsync("/penalty-cases/summary");

        workbench.ShouldContain("<a href=\"/workbench\">工作台</a>");
        foreach (var label in new[] { "<h1>工作台</h1>", "我的案件", "即将到期", "已逾期", "孙某", "立案", $"/penalty-cases/{driver.Id}" })
            workbench.ShouldContain(label);
        foreach (var label in new[] { "<h1>行政处罚案件</h1>", "阶段", "即将到期", "共 1 件案件", "下一期限", "孙某" })
            list.ShouldContain(label);
        foreach (var label in new[] { "办案期限", "截止日期", "依据", "配置值", "行政处罚法", "承办人员", "张伟", "李娜", "调查取证", "文书",
                     "立案审批表", "涉及重大公共利益", "办理步骤", "执法全过程记录", "哈希链校验通过", "<h3>调查取证</h3>", "证据种类", "取证人员（至少两名）" })
            page.ShouldContain(label);
        page.ShouldContain("name=\"Input.Version\" value=\"1\"");
        page.ShouldContain("<li class=\"current\">立案</li>");
        page.ShouldContain($"/penalty-cases/{driver.Id}?handler=Document&amp;kind=filing-approval");
        page.ShouldContain("<script src=\"/js/penalty-form.js\"></script>");
        foreach (var label in new[] { "<h1>立案</h1>", "处罚职权", "承办人员（至少两名，执法证有效）", "当事人名称", "违法行为发生日期", "发现日期", "立案日期",
                     "违法事实", "value=\"PA1\"", "value=\"A001\"", "value=\"A005\"" })
            filing.ShouldContain(label);
        filing.ShouldNotContain("PA2"); // an inspection power
        filing.ShouldNotContain("B001");
        summary.ShouldContain("简易程序当场处罚");
        summary.ShouldContain("第五十一条");
    }

    [Fact]
    public async Task StepForm_RefusedByTheServer_ShowsTheRuleMessageInTheForm_AndAValidOneAdvancesTheStage()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        using var client = await SignedInAsync("A001");
        var path = $"/penalty-cases/{driver.Id}";
        var html = await client.GetStringAsync(path);

        var refused = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Evidence(1, "A001")));
        var stale = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Evidence(0, "A001", "A002")));
        var valid = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Evidence(1, "A001", "A002")));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        refusedPage.ShouldContain("data-valmsg-for=\"Input.Collectors\">调查取证须由两名以上具有执法资格的执法人员进行，当前为1名（行政处罚法 第四十二条）</span>");
        refusedPage.ShouldContain("现场检查笔录:货架上有超过保质期的牛奶12盒"); // what was entered stays
        (await stale.Content.ReadAsStringAsync()).ShouldContain("案件已被他人更新,请刷新后重新操作");
        valid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        valid.Headers.Location!.ToString().ShouldBe(path);
        var after = await client.GetStringAsync(path);
        after.ShouldContain("案件现处于「调查取证」阶段");
        after.ShouldContain("<li class=\"current\">调查取证</li>");
        after.ShouldContain("name=\"Input.Version\" value=\"2\"");
        after.ShouldContain("勘验笔录、现场笔录");
        (await _bed.ScalarAsync<string>("SELECT stage FROM penalty_cases WHERE id = @id", new { id = driver.Id })).ShouldBe("Investigating");
    }

    [Fact]
    public async Task FilingForm_AsTheHead_FilesACase_AndOneOfficerIsRefusedBesideTheField()
    {
        using var head = await SignedInAsync("headA");
        var html = await head.GetStringAsync("/penalty-cases/new");
        (string, string)[] Fields(params string[] officers) =>
        [
            ("Input.RequestKey", RequestKey().Match(html).Groups[1].Value), ("Input.PowerCode", "PA1"), ("Input.Party.Type", "自然人"),
            ("Input.Party.Name", "钱某"), ("Input.ActOn", "2024-06-20"), ("Input.DiscoveredOn", "2024-06-25"), ("Input.FiledOn", "2024-06-28"),
            ("Input.CaseSummary", "当事人在其经营的超市销售超过保质期的食品"), .. officers.Select(o => ("Input.Officers", o)),
        ];

        var refused = await head.PostAsync("/penalty-cases/new", PageClient.Form(PageClient.Token(html), Fields("A001")));
        var filed = await head.PostAsync("/penalty-cases/new", PageClient.Form(PageClient.Token(html), Fields("A001", "A002")));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("第四十二条");
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await head.GetStringAsync(filed.Headers.Location!.ToString());
        page.ShouldContain("已立案");
        page.ShouldContain("钱某");
        (await _bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases")).ShouldBe(1);
    }

    [Fact]
    public async Task ReviewChecklist_AsTheReviewer_AReturnWithoutReasonIsRefused_AndWithAReasonReturnsTheCase()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        await driver.HeardAsync();
        await driver.StepAsync("A001", "submit-review", new { reviewerCertificateNumber = "A004", submittedOn = "2024-05-27" });
        using var client = await SignedInAsync("A004");
        var path = $"/penalty-cases/{driver.Id}";
        var html = await client.GetStringAsync(path);
        (string, string)[] Checklist(string reason) =>
        [
            ("Input.Step", "complete-review"), ("Input.Version", driver.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.CompletedOn", "2024-05-27"), ("Input.Opinion", "证据不足"),
            .. Enumerable.Range(0, 9).Select(i => ($"Input.ItemConfirmed[{i}]", i == 3 ? "false" : "true")),
            .. Enumerable.Range(0, 9).Select(i => ($"Input.ItemReason[{i}]", i == 3 ? reason : "")), // a browser sends every reason field
        ];

        var workbench = await client.GetStringAsync("/workbench");
        var refused = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Checklist("")));
        var returned = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Checklist("缺少进货查验记录")));

        workbench.ShouldContain("法制审核任务");
        workbench.ShouldContain("待审核 1 件");
        html.ShouldContain("事实清楚，证据合法充分");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("退回时必须说明理由");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync(path);
        after.ShouldContain("案件现处于「调查取证」阶段");
        after.ShouldContain("缺少进货查验记录");
    }

    [Fact]
    public async Task DocumentLink_OnTheCasePage_DownloadsTheFilingApproval()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        using var client = await SignedInAsync("A001");

        var response = await client.GetAsync($"/penalty-cases/{driver.Id}?handler=Document&kind=filing-approval");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    [Fact]
    public async Task InstalmentForm_AsTheHead_ApprovesAPlanOfTwoInstalments()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        await driver.HeardAsync();
        await driver.ReviewedAsync();
        await driver.DecideAsync();
        await driver.ServeAsync();
        using var client = await SignedInAsync("headA");
        var path = $"/penalty-cases/{driver.Id}";
        var html = await client.GetStringAsync(path);

        var approved = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), ("Input.Step", "approve-instalments"),
            ("Input.Version", driver.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.ApprovedOn", "2024-06-03"),
            ("Input.Instalments", "2024-06-14 2500\n2024-07-15 2500")));

        html.ShouldContain("分期计划");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await approved.Content.ReadAsStringAsync());
        var after = await client.GetStringAsync(path);
        after.ShouldContain("应于 2024年7月15日 前缴纳 2,500 元");
    }

    [Fact]
    public async Task NoticeForm_WithABenchmarkTierAndAFineOutsideIt_ShowsTheRuleAndNeedsTheReason()
    {
        (await _bed.PostAsync("headA", "/api/v1/powers/PA1/benchmarks", new
        {
            tiers = new object[] { new { level = "从轻处罚", minFine = 1000m, maxFine = 3000m, circumstances = "首次违法且货值较小" } },
        })).Is(HttpStatusCode.Created);
        var driver = await CaseDriver.FileAsync(_bed, "2024-06-20");
        await driver.EvidenceAsync("2024-06-21");
        using var client = await SignedInAsync("A001");
        var path = $"/penalty-cases/{driver.Id}";
        var html = await client.GetStringAsync(path);
        var tier = Regex.Match(html, "<option value=\"(\\d+:Lenient)\"").Groups[1].Value;
        (string, string)[] Notice(string reason) =>
        [
            ("Input.Step", "notify"), ("Input.Version", driver.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.NotifiedOn", "2024-06-28"), ("Input.Kinds", "Fine"), ("Input.Fine", "4000"), ("Input.Discretion", tier), ("Input.ReasonIfOutside", reason),
            ("Input.Facts", "当事人销售超过保质期的牛奶12盒"), ("Input.Basis", "《中华人民共和国食品安全法》第一百二十四条"),
        ];

        var refused = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Notice("")));
        var notified = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), Notice("当事人拒不配合调查")));

        html.ShouldContain("裁量基准阶次（行政处罚法 第三十四条）");
        tier.ShouldNotBeEmpty();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("超出「从轻处罚」阶次幅度");
        notified.StatusCode.ShouldBe(HttpStatusCode.Redirect, await notified.Content.ReadAsStringAsync());
        (await client.GetStringAsync(path)).ShouldContain("案件现处于「告知」阶段");
    }

    [Fact]
    public async Task DecisionForm_AsTheHead_DecidesNoPenaltyUnderAnExemptionListEntry()
    {
        var item = (await _bed.PostAsync("headA", "/api/v1/powers/PA1/exemptions",
            new { kind = "首违不罚", conditions = "首次销售临期食品,货值不超过100元,当场改正" })).Is(HttpStatusCode.Created);
        var driver = await CaseDriver.FileAsync(_bed, "2024-06-20");
        await driver.EvidenceAsync("2024-06-21");
        using var client = await SignedInAsync("headA");
        var path = $"/penalty-cases/{driver.Id}";
        var html = await client.GetStringAsync(path);

        var decided = await client.PostAsync(path, PageClient.Form(PageClient.Token(html), ("Input.Step", "decide"),
            ("Input.Version", driver.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.DecidedOn", "2024-06-28"),
            ("Input.Outcome", "NoPenalty"), ("Input.NoPenaltyGround", "Exemption"), ("Input.NoPenaltyReason", "首次违法,已当场改正"),
            ("Input.ExemptionItemId", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.EducationRecord", "已对当事人进行食品安全法律法规教育")));

        html.ShouldContain("首违不罚：首次销售临期食品");
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        var after = await client.GetStringAsync(path);
        after.ShouldContain("案件现处于「决定」阶段");
        after.ShouldContain("不予行政处罚");
    }
}
