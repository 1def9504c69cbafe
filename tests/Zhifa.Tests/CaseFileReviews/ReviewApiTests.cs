using System.Net;
using System.Text.Json;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.CaseFileReviews.ReviewBed;

namespace Zhifa.Tests.CaseFileReviews;

/// <summary>案卷评查 through the HTTP API (ADR-017): reproducible samples, sampling rules, scope, scoring rules, results.</summary>
public abstract class ReviewApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    [Fact]
    public async Task SameSeed_DrawsTheSameSample_ADifferentSeedAnother_AndTheSampleIsTheDocumentedDraw()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");

        var first = await CreateOkAsync(sup, Batch(seed: 20240601));
        var again = await CreateOkAsync(sup, Batch(seed: 20240601));
        var other = await CreateOkAsync(sup, Batch(seed: 7));

        foreach (var agency in new[] { "AGA", "AGB", "AGC" })
            Sample(again, agency).ShouldBe(Sample(first, agency));
        Sample(other, "AGA").ShouldNotBe(Sample(first, "AGA"));
        first.GetProperty("seed").GetInt64().ShouldBe(20240601);
        // Candidates: closed in the period, or decided in it without a closing date (AGB); not the 2023 file, the undecided
        // case or the inspection. The draw is the domain's, which anyone can repeat from the seed.
        var rule = SamplingRule.Create(5, null, null).Value;
        Sample(first, "AGA").ShouldBe(ReviewSampler.DrawOne(20240601, new AgencyCandidates("AGA", AgaCandidates), rule).CaseNumbers);
        Sample(first, "AGB").ShouldBe(ReviewSampler.DrawOne(20240601, new AgencyCandidates("AGB", AgbCandidates), rule).CaseNumbers);
        Sample(first, "AGC").ShouldBe(AgcCandidates, ignoreOrder: true);
        first.GetProperty("agencies").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("candidates").GetInt32(), a.GetProperty("drawn").GetInt32()))
            .ShouldBe([("AGA", 20, 5), ("AGB", 7, 5), ("AGC", 2, 2)]);
        first.GetProperty("rubricTotal").GetDecimal().ShouldBe(100m);
        first.GetProperty("rubric").EnumerateArray().Select(i => i.GetProperty("area").GetString()).Distinct().ShouldBe(ReviewRubric.DefaultAreas);
        first.GetProperty("statusName").GetString().ShouldBe("评查中");

        var unseeded = await CreateOkAsync(sup, Batch(seed: null));
        var recorded = unseeded.GetProperty("seed").GetInt64();
        recorded.ShouldBeInRange(0, ReviewSampler.MaxSeed);
        Sample(unseeded, "AGA").ShouldBe(ReviewSampler.DrawOne(recorded, new AgencyCandidates("AGA", AgaCandidates), rule).CaseNumbers);
    }

    [Fact]
    public async Task Sampling_ByCountByRatioAndMinimumPerAgency_AndByCategory()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");

        static IEnumerable<(string?, int)> Drawn(JsonElement b) =>
            b.GetProperty("agencies").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("drawn").GetInt32()));

        Drawn(await CreateOkAsync(sup, Batch(count: 10))).ShouldBe([("AGA", 10), ("AGB", 7), ("AGC", 2)]);
        Drawn(await CreateOkAsync(sup, Batch(count: null, ratio: 0.1m))).ShouldBe([("AGA", 2), ("AGB", 1), ("AGC", 1)]);
        Drawn(await CreateOkAsync(sup, Batch(count: null, ratio: 0.1m, minimum: 3))).ShouldBe([("AGA", 3), ("AGB", 3), ("AGC", 2)]);
        Drawn(await CreateOkAsync(sup, Batch(count: 1, minimum: 4))).ShouldBe([("AGA", 4), ("AGB", 4), ("AGC", 2)]);
        var withInspections = await CreateOkAsync(sup, Batch(count: 30, agencies: ["AGA"], categories: ["行政处罚", "行政检查"]));
        withInspections.GetProperty("agencies")[0].GetProperty("candidates").GetInt32().ShouldBe(21);
        Sample(withInspections, "AGA").ShouldContain(AgaInspection);
    }

    [Fact]
    public async Task Create_RefusesBrokenRules_With422NamingTheField_AndWritesNothing()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");

        var both = await CreateAsync(sup, Batch(count: 3, ratio: 0.1m));
        both.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(both);
        problem.GetProperty("errors").GetProperty("count")[0].GetString()!.ShouldContain("只选一种");
        problem.GetProperty("title").GetString().ShouldBe("业务规则不允许");

        var many = await CreateAsync(sup, new
        {
            title = "评查", periodFrom = "2024-12-31", periodTo = "2024-01-01", agencies = new[] { "AGA", "NOPE" }, count = 3, seed = -1,
            rubric = new object[] { new { code = "A1", area = "主体", title = "执法主体", maxPoints = 5 }, new { code = "A1", area = "程序", title = "程序", maxPoints = 0 } },
            excellentFrom = 70, goodFrom = 80,
        });
        many.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(many)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["agencies[1]", "excellentFrom", "periodTo", "rubric[1].code", "rubric[1].maxPoints", "seed"]);

        var missing = await CreateAsync(sup, new { count = 3 });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(missing)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["agencies", "periodFrom", "periodTo", "title"]);

        var empty = await CreateAsync(sup, new { title = "评查", periodFrom = "2020-01-01", periodTo = "2020-12-31", agencies = new[] { "AGA" }, count = 3 });
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(empty)).GetProperty("code").GetString().ShouldBe("review.no_candidates");

        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_file_review_batches")).ShouldBe(0);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_file_review_files")).ShouldBe(0);
    }

    [Fact]
    public async Task Scope_AgencyAccountsCannotCreate_AndSeeOnlyTheirOwnFilesAndResults()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var offA = await bed.ClientAsAsync("offA");
        var all = await CreateOkAsync(sup, Batch(count: 2));
        var onlyB = await CreateOkAsync(sup, Batch(count: 2, agencies: ["AGB"]));
        var id = all.GetProperty("id").GetInt64();

        (await CreateAsync(offA, Batch())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAsync(await bed.ClientAsAsync("adminA"), Batch())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAsync(await bed.ClientAsAsync("revA"), Batch())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var seen = await Json(await offA.GetAsync($"/api/v1/case-file-reviews/{id}"));
        seen.GetProperty("files").EnumerateArray().ShouldAllBe(f => f.GetProperty("agencyCode").GetString() == "AGA");
        seen.GetProperty("files").GetArrayLength().ShouldBe(2);
        seen.GetProperty("agencies").GetArrayLength().ShouldBe(1);
        (await offA.GetAsync($"/api/v1/case-file-reviews/{onlyB.GetProperty("id").GetInt64()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Json(await offA.GetAsync("/api/v1/case-file-reviews"));
        list.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetInt64()).ShouldBe([id]);
        var bFile = FileId(all, Sample(all, "AGB")[0]);
        (await offA.GetAsync($"/api/v1/case-file-reviews/{id}/files/{bFile}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ScoreAsync(offA, id, FileId(all, Sample(all, "AGA")[0]), FullMarks())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var results = await Json(await offA.GetAsync($"/api/v1/case-file-reviews/{id}/results"));
        results.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldBe(["AGA"]);
        results.GetProperty("total").ValueKind.ShouldBe(JsonValueKind.Null);
        (await offA.GetAsync($"/api/v1/case-file-reviews/{id}/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A 法制审核人员 reviews other agencies' files (交叉评查), never its own, and sees only its own agency's results.
        var revA = await bed.ClientAsAsync("revA");
        (await ScoreAsync(revA, id, FileId(all, Sample(all, "AGA")[0]), FullMarks())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ScoreAsync(revA, id, bFile, FullMarks())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(await revA.GetAsync($"/api/v1/case-file-reviews/{id}/results"))).GetProperty("agencies").EnumerateArray()
            .Select(a => a.GetProperty("code").GetString()).ShouldBe(["AGA"]);
    }

    [Fact]
    public async Task Scoring_RefusesPointsAboveTheMaximumAndUnknownItems_AndACorrectionKeepsThePreviousScore()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var batch = await CreateOkAsync(sup, Batch(count: 1, agencies: ["AGA"]));
        var id = batch.GetProperty("id").GetInt64();
        var file = FileId(batch, Sample(batch, "AGA")[0]);

        var above = await ScoreAsync(sup, id, file, new object[] { new { code = "SS1", points = 10.5 }, new { code = "XX9", points = 1 } });
        above.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(above);
        problem.GetProperty("errors").GetProperty("items[0].points")[0].GetString()!.ShouldContain("0 到 10 分");
        problem.GetProperty("errors").GetProperty("items[1].code")[0].GetString()!.ShouldContain("XX9");
        (await ScoreAsync(sup, id, file, Array.Empty<object>())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FindAsync(sup, id, file, "XX9", "无此项")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_file_review_scores")).ShouldBe(0);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_file_review_findings")).ShouldBe(0);

        (await ScoreAsync(sup, id, file, new object[] { new { code = "SS1", points = 10 } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var corrected = await ScoreAsync(sup, id, file, new object[] { new { code = "SS1", points = 6.5, note = "询问笔录未经当事人签字" } });
        var view = await Json(corrected);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToString());
        var ss1 = view.GetProperty("items").EnumerateArray().First(i => i.GetProperty("code").GetString() == "SS1");
        ss1.GetProperty("points").GetDecimal().ShouldBe(6.5m);
        ss1.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("points").GetDecimal()).ShouldBe([10m, 6.5m]);
        view.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null); // not every item scored yet
        var retried = await Json(await ScoreAsync(sup, id, file, new object[] { new { code = "SS1", points = 6.5, note = "询问笔录未经当事人签字" } }));
        retried.GetProperty("items").EnumerateArray().First(i => i.GetProperty("code").GetString() == "SS1").GetProperty("history").GetArrayLength().ShouldBe(2);
        await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("UPDATE case_file_review_scores SET points = 10"));
        await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("DELETE FROM case_file_review_scores"));

        var finishEarly = await sup.PostAsync($"/api/v1/case-file-reviews/{id}/finish", null);
        finishEarly.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(finishEarly)).GetProperty("code").GetString().ShouldBe("review.unscored");
        (await ScoreAsync(sup, id, file, FullMarks(("SS1", 6.5m)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sup.PostAsync($"/api/v1/case-file-reviews/{id}/finish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await ScoreAsync(sup, id, file, FullMarks());
        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(late)).GetProperty("code").GetString().ShouldBe("review.finished");
        (await Json(await sup.GetAsync($"/api/v1/case-file-reviews/{id}"))).GetProperty("statusName").GetString().ShouldBe("已完成");
    }

    [Fact]
    public async Task Results_PerAgencyAndTotal_MatchTheHandComputedFigures()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var batch = await CreateOkAsync(sup, Batch(count: 2, agencies: ["AGA", "AGB"]));
        var id = batch.GetProperty("id").GetInt64();
        var (a1, a2) = (FileId(batch, Sample(batch, "AGA")[0]), FileId(batch, Sample(batch, "AGA")[1]));
        var (b1, b2) = (FileId(batch, Sample(batch, "AGB")[0]), FileId(batch, Sample(batch, "AGB")[1]));

        // a1 100 (优秀); a2 100 − 6 − 6 = 88 (良好); b1 100 − 10 − 10 − 5 = 75 (合格); b2 47 (不合格).
        foreach (var (file, items) in new[]
                 {
                     (a1, FullMarks()), (a2, FullMarks(("SS1", 4m), ("CX2", 1m))), (b1, FullMarks(("SS2", 0m), ("FL1", 0m), ("CL1", 5m))),
                     (b2, FullMarks(("ZT1", 0m), ("SS1", 0m), ("SS2", 0m), ("SS3", 0m), ("FL1", 0m), ("CL1", 5m), ("GD1", 2m))),
                 })
        {
            var scored = await ScoreAsync(sup, id, file, items);
            scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        }
        foreach (var (file, item, text) in new[]
                 {
                     (a2, "SS1", "现场检查笔录无当事人签名"), (a2, "SS1", "抽样记录缺少抽样人员签名"), (a2, "CX2", "未告知听证权利"),
                     (b1, "SS2", "照片证据未注明拍摄时间地点"), (b2, "GD1", "卷宗未编页码"),
                 })
            (await FindAsync(sup, id, file, item, text)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var results = await Json(await sup.GetAsync($"/api/v1/case-file-reviews/{id}/results"));

        var aga = results.GetProperty("agencies")[0];
        var agb = results.GetProperty("agencies")[1];
        (aga.GetProperty("code").GetString(), aga.GetProperty("files").GetInt32(), aga.GetProperty("scoredFiles").GetInt32()).ShouldBe(("AGA", 2, 2));
        aga.GetProperty("averageScore").GetDecimal().ShouldBe(94m);
        aga.GetProperty("grade").GetString().ShouldBe("优秀");
        Grades(aga).ShouldBe([1, 1, 0, 0]);
        aga.GetProperty("findings").GetInt32().ShouldBe(3);
        ByItem(aga).ShouldBe(new Dictionary<string, int> { ["SS1"] = 2, ["CX2"] = 1 });
        agb.GetProperty("averageScore").GetDecimal().ShouldBe(61m);
        agb.GetProperty("grade").GetString().ShouldBe("合格");
        Grades(agb).ShouldBe([0, 0, 1, 1]);
        ByItem(agb).ShouldBe(new Dictionary<string, int> { ["SS2"] = 1, ["GD1"] = 1 });
        var total = results.GetProperty("total");
        (total.GetProperty("files").GetInt32(), total.GetProperty("units").GetInt32(), total.GetProperty("findings").GetInt32()).ShouldBe((4, 2, 5));
        total.GetProperty("averageScore").GetDecimal().ShouldBe(77.5m);
        total.GetProperty("grade").GetString().ShouldBe("合格");
        Grades(total).ShouldBe([1, 1, 1, 1]);
        ByItem(total).ShouldBe(new Dictionary<string, int> { ["SS1"] = 2, ["SS2"] = 1, ["CX2"] = 1, ["GD1"] = 1 }); // in the rubric's order

        var a2View = await Json(await sup.GetAsync($"/api/v1/case-file-reviews/{id}/files/{a2}"));
        (a2View.GetProperty("score").GetDecimal(), a2View.GetProperty("grade").GetString()).ShouldBe((88m, "良好"));
        a2View.GetProperty("findings").GetArrayLength().ShouldBe(3);
        a2View.GetProperty("findings")[2].GetProperty("itemTitle").GetString()!.ShouldContain("听证");

        static int[] Grades(JsonElement e) => e.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("files").GetInt32()).ToArray();
        static Dictionary<string, int> ByItem(JsonElement e) => e.GetProperty("findingsByItem").EnumerateArray()
            .Where(i => i.GetProperty("findings").GetInt32() > 0).ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task CustomRubric_ScoresAsAPercentageOfItsTotal_WithTheBatchsGradeThresholds()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var batch = await CreateOkAsync(sup, new
        {
            title = "2024年度街道综合执法案卷专项评查", periodFrom = Period2024From, periodTo = Period2024To, agencies = new[] { "AGC" }, count = 1, seed = 3,
            rubric = new object[] { new { code = "P1", area = "程序", title = "程序合法", maxPoints = 30 }, new { code = "W1", area = "文书", title = "文书规范", maxPoints = 20 } },
            excellentFrom = 95, goodFrom = 85, passFrom = 70,
        });
        var id = batch.GetProperty("id").GetInt64();
        batch.GetProperty("rubricTotal").GetDecimal().ShouldBe(50m);
        var file = batch.GetProperty("files")[0].GetProperty("id").GetInt64();

        var view = await Json(await ScoreAsync(sup, id, file, new object[] { new { code = "P1", points = 27 }, new { code = "W1", points = 18.5 } }));

        (view.GetProperty("points").GetDecimal(), view.GetProperty("score").GetDecimal(), view.GetProperty("grade").GetString()).ShouldBe((45.5m, 91m, "良好"));
        (await ScoreAsync(sup, id, file, new object[] { new { code = "SS1", points = 1 } })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Verify_RederivesTheStoredSampleFromTheSeed_AndNoticesChangedCandidates()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var batch = await CreateOkAsync(sup, Batch(count: 3));
        var id = batch.GetProperty("id").GetInt64();

        var ok = await Json(await sup.GetAsync($"/api/v1/case-file-reviews/{id}/verify"));
        ok.GetProperty("matches").GetBoolean().ShouldBeTrue();
        ok.GetProperty("agencies").EnumerateArray().ShouldAllBe(a => a.GetProperty("sampleMatches").GetBoolean() && a.GetProperty("candidatesUnchanged").GetBoolean());

        // A stored file swapped behind the platform's back, and a case of AGB backdated into the period.
        var drawn = Sample(batch, "AGA");
        var outsider = AgaCandidates.First(n => !drawn.Contains(n));
        await bed.ExecuteAsync("UPDATE case_file_review_files SET case_id = (SELECT id FROM cases WHERE number = @outsider) WHERE id = @file",
            new { outsider, file = FileId(batch, drawn[0]) });
        await bed.ExecuteAsync("INSERT INTO cases (number, agency_id, category, power_id, filed_on, decided_on, extension_days) " +
                               "SELECT '津河城管罚〔2024〕999号', agency_id, 'Penalty', id, @d, @d, 0 FROM powers WHERE code = 'PB1'",
            new { d = new DateOnly(2024, 7, 1) });

        var broken = await Json(await sup.GetAsync($"/api/v1/case-file-reviews/{id}/verify"));
        broken.GetProperty("matches").GetBoolean().ShouldBeFalse();
        var agencies = broken.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agencyCode").GetString()!);
        agencies["AGA"].GetProperty("sampleMatches").GetBoolean().ShouldBeFalse();
        agencies["AGA"].GetProperty("candidatesUnchanged").GetBoolean().ShouldBeTrue();
        agencies["AGB"].GetProperty("candidatesUnchanged").GetBoolean().ShouldBeFalse();
        agencies["AGB"].GetProperty("candidatesNow").GetInt32().ShouldBe(8);
        agencies["AGC"].GetProperty("sampleMatches").GetBoolean().ShouldBeTrue();
        (await sup.GetAsync("/api/v1/case-file-reviews/999999/verify")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFinishedBatch_IsInTheAnnualReportsWorkOfTheYear_WithItsFilesAndFindings()
    {
        await using var bed = await StartAsync();
        var sup = await bed.ClientAsAsync("sup");
        var year = DateTime.UtcNow.AddHours(8).Year; // finished now, Beijing time
        (await (await sup.GetAsync($"/api/v1/reports/annual?year={year}&format=md")).Content.ReadAsStringAsync()).ShouldNotContain("案卷评查");

        var batch = await CreateOkAsync(sup, Batch(count: 2, agencies: ["AGA", "AGB"]));
        var id = batch.GetProperty("id").GetInt64();
        var files = batch.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();
        files.Count.ShouldBe(4);
        foreach (var file in files)
            (await ScoreAsync(sup, id, file, FullMarks())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAsync(sup, id, files[0], "SS1", "询问笔录未经当事人签字")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FindAsync(sup, id, files[0], "SS2", "证据未注明来源")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FindAsync(sup, id, files[3], "SS1", "现场笔录缺少见证人")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sup.GetStringAsync($"/api/v1/reports/annual?year={year}&format=md")).ShouldNotContain("案卷评查"); // not finished yet
        (await sup.PostAsync($"/api/v1/case-file-reviews/{id}/finish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var md = await sup.GetStringAsync($"/api/v1/reports/annual?year={year}&format=md");
        md.ShouldContain("案卷评查");
        md.ShouldContain("全年完成案卷评查1批次,抽查2个单位的4件案卷,发现问题3个,主要集中在事实证据(3个)");
        md.ShouldContain("| AGA | 天津市河东区市场监督管理局 | 2 |");
        // An agency's report counts only its own files.
        var own = await (await bed.ClientAsAsync("adminA")).GetStringAsync($"/api/v1/reports/annual?year={year}&format=md");
        own.ShouldContain("抽查1个单位的2件案卷");
        own.ShouldNotContain("天津市河东区城市管理委员会 | 2");
    }
}

public sealed class SqliteReviewApiTests : ReviewApiTests
{
    protected override Task<RecordTestBed> StartAsync() => ReviewBed.StartAsync(null);

    [Fact]
    public async Task Cli_ReviewVerify_ExitsZeroWhenTheSampleIsReproduced_AndThreeWhenNot()
    {
        await using var bed = await StartAsync();
        var batch = await CreateOkAsync(await bed.ClientAsAsync("sup"), Batch(count: 3));
        var id = batch.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var ok = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "review", "verify", id);
        ok.ExitCode.ShouldBe(0, ok.StdErr);
        ok.StdOut.ShouldContain("抽样核验通过");
        ok.StdOut.ShouldContain("20240601");

        await bed.ExecuteAsync("DELETE FROM case_file_review_files WHERE id = @file", new { file = FileId(batch, Sample(batch, "AGB")[0]) });
        var broken = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "review", "verify", id);
        broken.ExitCode.ShouldBe(3);
        broken.StdErr.ShouldContain("AGB");

        (await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "review", "verify", "424242")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task OpenApi_DescribesTheReviewOperationsInChinese()
    {
        await using var bed = await StartAsync();
        using var doc = JsonDocument.Parse(await (await bed.ClientAsAsync("sup")).GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[]
                 {
                     ("/api/v1/case-file-reviews", "post"), ("/api/v1/case-file-reviews", "get"), ("/api/v1/case-file-reviews/{id}", "get"),
                     ("/api/v1/case-file-reviews/{id}/files/{fileId}/scores", "post"), ("/api/v1/case-file-reviews/{id}/files/{fileId}/findings", "post"),
                     ("/api/v1/case-file-reviews/{id}/finish", "post"), ("/api/v1/case-file-reviews/{id}/results", "get"), ("/api/v1/case-file-reviews/{id}/verify", "get"),
                 })
            paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!.ShouldMatch("[\u4e00-\u9fff]", $"{method} {path}");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewApiTests(PostgresServer server) : ReviewApiTests
{
    protected override Task<RecordTestBed> StartAsync() => ReviewBed.StartAsync(server);
}
