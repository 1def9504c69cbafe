using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Inspections;

namespace Zhifa.Domain.Tests.Inspections;

public class RecordInspectionTests
{
    [Theory]
    [InlineData(PartyType.NaturalPerson)]
    [InlineData(PartyType.LegalPerson)]
    [InlineData(PartyType.OtherOrganisation)]
    public void Record_WithEachPartyTypeAndItsIdentifier_KeepsTheFacts(PartyType type)
    {
        var recorded = I.Record(I.Input(type));

        recorded.IsSuccess.ShouldBeTrue(recorded.ToString());
        var f = recorded.Value.Facts;
        f.Party.Type.ShouldBe(type);
        f.Party.IdNumber.ShouldBe(type == PartyType.NaturalPerson ? I.PersonId : I.CompanyCode);
        f.Party.CreditCode.ShouldBe(type == PartyType.NaturalPerson ? null : I.CompanyCode);
        f.Officers.Select(o => o.Name).ShouldBe(["张伟", "李娜"]);
        f.CreatedBy.ShouldBe("offA");
        recorded.Value.ClosedOn.ShouldBe(I.Day);
        recorded.Value.StatusOn(I.Day).ShouldBe(InspectionStatus.Closed);
    }

    [Fact]
    public void Record_WithOneOfficer_IsRefusedCitingArticle42()
    {
        var recorded = I.Record(I.Input(), null, I.Zhang);

        recorded.ShouldFail("inspection.officers_too_few");
        recorded.Error!.Message.ShouldContain("第四十二条");
    }

    [Fact]
    public void Record_WithTheSameOfficerTwice_CountsOneOfficer()
    {
        I.Record(I.Input(), null, I.Zhang, I.Zhang).ShouldFail("inspection.officers_too_few");
    }

    [Fact]
    public void Record_WithAnOfficerOfAnotherAgency_IsRefused()
    {
        I.Record(I.Input(), null, I.Zhang, I.Officer(201, "刘洋", agency: 2)).ShouldFail("inspection.officer_other_agency");
    }

    [Fact]
    public void Record_WhenACertificateIsRevokedOnTheDate_IsRefusedButTheDayBeforeIsAccepted()
    {
        var revoked = I.Officer(103, "王芳", mayAct: d => d < I.Day);

        var onTheDay = I.Record(I.Input(), null, I.Zhang, revoked);
        var dayBefore = I.Record(I.Input(on: I.Day.AddDays(-1)), null, I.Zhang, revoked);

        onTheDay.ShouldFail("inspection.officer_certificate_invalid");
        onTheDay.Error!.Message.ShouldContain("王芳");
        dayBefore.IsSuccess.ShouldBeTrue(dayBefore.ToString());
    }

    [Fact]
    public void Record_UnderAPenaltyPower_IsRefused()
    {
        var recorded = I.Record(I.Input(), I.Penalty);

        recorded.ShouldFail("inspection.power_not_inspection");
        recorded.Error!.Message.ShouldContain("行政处罚");
    }

    [Fact]
    public void Record_UnderAPowerOfAnotherAgency_IsRefusedNamingOnlyTheCode()
    {
        var other = new Power("PB-J01", "市容环境卫生监督检查", PowerCategory.Inspection, 2, null);

        var recorded = I.Record(I.Input(), other);

        recorded.ShouldFail("inspection.power_other_agency");
        recorded.Error!.Message.ShouldNotContain("市容");
    }

    [Fact]
    public void Record_UnderAPowerNoLongerInTheCatalog_IsRefused()
    {
        var expired = new Power("P-J02", "旧检查事项", PowerCategory.Inspection, I.Agency, null, validTo: I.Day.AddDays(-1));

        I.Record(I.Input(), expired).ShouldFail("inspection.power_not_valid");
    }

    [Fact]
    public void Record_DatedTomorrow_IsRefusedAndToday_IsAccepted()
    {
        I.Record(I.Input(on: I.Day.AddDays(1))).ShouldFail("inspection.date_in_future");
        I.Record(I.Input(on: I.Day)).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Record_WithoutFindings_IsRefused(string? findings)
    {
        I.Record(I.Input(findings: findings)).ShouldFail("inspection.findings_required");
    }

    [Fact]
    public void Record_RectifyWithoutDeadline_IsRefused()
    {
        I.Record(I.Input(result: InspectionResult.Rectify)).ShouldFail("inspection.deadline_required");
    }

    [Fact]
    public void Record_RectifyWithADeadlineOnTheInspectionDate_IsRefused()
    {
        I.Record(I.Input(result: InspectionResult.Rectify, deadline: I.Day)).ShouldFail("inspection.deadline_not_after_inspection");
    }

    [Theory]
    [InlineData(InspectionResult.NoProblem)]
    [InlineData(InspectionResult.Referral)]
    public void Record_ADeadlineWithAnotherResult_IsRefusedNotDropped(InspectionResult result)
    {
        I.Record(I.Input(result: result, deadline: I.Day.AddDays(10))).ShouldFail("inspection.deadline_not_allowed");
    }

    [Fact]
    public void Record_Rectify_StaysOpenUntilTheDeadlineAndIsOverdueAfterIt()
    {
        var inspection = I.Recorded(InspectionResult.Rectify, I.Day.AddDays(15));

        inspection.ClosedOn.ShouldBeNull();
        inspection.StatusOn(I.Day.AddDays(15)).ShouldBe(InspectionStatus.Rectifying);
        inspection.StatusOn(I.Day.AddDays(16)).ShouldBe(InspectionStatus.RectifyOverdue);
    }

    [Fact]
    public void InspectionNumber_IsAgencyJcYearAndSixDigits()
    {
        InspectionNumber.Format("120102001", 2026, 123).ShouldBe("120102001-JC-2026-000123");
        Should.Throw<ArgumentException>(() => InspectionNumber.Format(new string('A', 60), 2026, 1));
    }

    [Theory]
    [InlineData("未发现问题", InspectionResult.NoProblem)]
    [InlineData("责令改正", InspectionResult.Rectify)]
    [InlineData("移交立案", InspectionResult.Referral)]
    [InlineData("rectify", InspectionResult.Rectify)]
    [InlineData("Referral", InspectionResult.Referral)]
    public void TryParseResult_ReadsChineseAndEnumNames(string text, InspectionResult expected)
    {
        InspectionNames.TryParseResult(text, out var result).ShouldBeTrue();
        result.ShouldBe(expected);
        InspectionNames.TryParseResult("警告", out _).ShouldBeFalse();
    }

    [Fact]
    public void ChineseNames_CoverEveryResultAndStatus()
    {
        Enum.GetValues<InspectionResult>().Select(r => r.ToChinese()).ShouldBe(["未发现问题", "责令改正", "移交立案"]);
        Enum.GetValues<InspectionStatus>().Select(s => s.ToChinese()).Distinct().Count().ShouldBe(Enum.GetValues<InspectionStatus>().Length);
    }
}
