using Zhifa.Domain.Cases;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class FilingTests
{
    private static FilingInput Input(string actOn, string discoveredOn, string filedOn, bool seriousHarm = false, string? actEndedOn = null) =>
        new(P.Agency, P.Power, P.Person, P.D(actOn), P.D(discoveredOn), P.D(filedOn), "无照经营")
        {
            SeriousHarm = seriousHarm,
            ActEndedOn = actEndedOn is null ? null : P.D(actEndedOn),
        };

    [Fact]
    public void File_WhenDiscoveredExactlyTwoYearsAfterTheAct_IsFiled()
    {
        var result = PenaltyCase.File(P.Ctx(), P.Head, Input("2022-03-10", "2024-03-10", "2024-03-11"), [P.Zhang, P.Li]);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value.Stage.ShouldBe(PenaltyStage.Filed);
        result.Value.Procedure.ShouldBe(ProcedureType.General);
        result.Value.FilingApprovedBy.ShouldBe("head");
        result.Value.Officers.Select(o => o.OfficerId).ShouldBe([101L, 102L]);
    }

    [Fact]
    public void File_WhenDiscoveredOneDayPastTwoYears_IsRefusedNamingArticle36()
    {
        var result = PenaltyCase.File(P.Ctx(), P.Head, Input("2022-03-10", "2024-03-11", "2024-03-11"), [P.Zhang, P.Li]);

        result.ShouldFail("penalty.limitation_expired");
        result.Error!.Message.ShouldContain("第三十六条");
        result.Error.Message.ShouldContain("2年");
        result.Error.Message.ShouldContain("2024-03-10");
    }

    [Fact]
    public void File_WhenContinuingAct_CountsFromItsEnd()
    {
        var result = PenaltyCase.File(P.Ctx(), P.Head, Input("2020-01-01", "2024-03-10", "2024-03-11", actEndedOn: "2022-03-10"), [P.Zhang, P.Li]);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    [Fact]
    public void File_WhenSeriousHarm_AllowsFiveYears()
    {
        PenaltyCase.File(P.Ctx(), P.Head, Input("2019-03-10", "2024-03-10", "2024-03-11", seriousHarm: true), [P.Zhang, P.Li])
            .IsSuccess.ShouldBeTrue();
        PenaltyCase.File(P.Ctx(), P.Head, Input("2019-03-10", "2024-03-11", "2024-03-11", seriousHarm: true), [P.Zhang, P.Li])
            .ShouldFail("penalty.limitation_expired");
        PenaltyCase.File(P.Ctx(), P.Head, Input("2019-03-10", "2024-03-10", "2024-03-11"), [P.Zhang, P.Li])
            .ShouldFail("penalty.limitation_expired");
    }

    [Fact]
    public void File_WhenLimitationConfiguredLonger_UsesTheConfiguration()
    {
        var rules = PenaltyRules.Default with { LimitationYears = 3 };

        PenaltyCase.File(P.Ctx(rules: rules), P.Head, Input("2021-03-10", "2024-03-10", "2024-03-11"), [P.Zhang, P.Li])
            .IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void File_WhenDiscoveredBeforeTheAct_IsRefused()
    {
        PenaltyCase.File(P.Ctx(), P.Head, Input("2024-03-10", "2024-03-01", "2024-03-11"), [P.Zhang, P.Li]).ShouldFail("penalty.date_order");
    }

    [Fact]
    public void File_WhenFilingDateInTheFuture_IsRefused()
    {
        PenaltyCase.File(P.Ctx("2024-03-10"), P.Head, Input("2024-03-01", "2024-03-05", "2024-03-11"), [P.Zhang, P.Li])
            .ShouldFail("penalty.date_in_future");
    }

    [Fact]
    public void File_WhenOneOfficer_IsRefusedNamingArticle42()
    {
        var result = PenaltyCase.File(P.Ctx(), P.Head, P.Filing("2024-03-01"), [P.Zhang, P.Zhang]);

        result.ShouldFail("penalty.officers_too_few");
        result.Error!.Message.ShouldContain("第四十二条");
    }

    [Fact]
    public void File_WhenAnOfficersCertificateIsNotValidOnTheFilingDay_IsRefused()
    {
        var revoked = P.Li with { MayActOn = day => day < P.D("2024-03-01") };

        var result = PenaltyCase.File(P.Ctx(), P.Head, P.Filing("2024-03-01"), [P.Zhang, revoked]);

        result.ShouldFail("penalty.officer_certificate_invalid");
        result.Error!.Message.ShouldContain("李四");
    }

    [Fact]
    public void File_WhenAnOfficerIsOfAnotherAgency_IsRefused()
    {
        PenaltyCase.File(P.Ctx(), P.Head, P.Filing("2024-03-01"), [P.Zhang, P.Li with { AgencyId = P.OtherAgency }])
            .ShouldFail("penalty.officer_other_agency");
    }

    [Fact]
    public void File_WhenApprovedByAnOfficer_IsRefusedWrongRole()
    {
        PenaltyCase.File(P.Ctx(), P.ZhangActs, P.Filing("2024-03-01"), [P.Zhang, P.Li]).ShouldFail("penalty.wrong_role");
    }

    [Fact]
    public void File_WhenHeadOfAnotherAgency_IsRefused()
    {
        PenaltyCase.File(P.Ctx(), P.Head with { AgencyId = P.OtherAgency }, P.Filing("2024-03-01"), [P.Zhang, P.Li])
            .ShouldFail("penalty.other_agency");
    }

    [Fact]
    public void CreateParty_WhenOrganisationHasABadCreditCode_IsRefused()
    {
        PenaltyParty.Create(PartyType.LegalPerson, "某公司", "91120102MA05ABCDE1").IsSuccess.ShouldBeFalse();
        PenaltyParty.Create(PartyType.NaturalPerson, " ").ShouldFail("penalty.text_required");
    }

    [Fact]
    public void AssignNumber_WhenAlreadyNumbered_IsRefused()
    {
        var b = CaseBuilder.Filed();

        b.Case.AssignNumber("津东市监罚〔2024〕12号").ShouldSucceed();
        b.Case.AssignNumber("津东市监罚〔2024〕13号").ShouldFail("penalty.number_already_assigned");
        b.Case.Number.ShouldBe("津东市监罚〔2024〕12号");
    }
}
