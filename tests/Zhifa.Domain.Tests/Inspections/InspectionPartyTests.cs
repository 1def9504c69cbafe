using Zhifa.Domain.Cases;
using Zhifa.Domain.Inspections;

namespace Zhifa.Domain.Tests.Inspections;

public class InspectionPartyTests
{
    [Fact]
    public void Create_NaturalPersonWithAWrongCheckCharacter_NamesTheExpectedAndTheGivenCharacter()
    {
        var expected = I.PersonId[17];
        var wrong = expected == '0' ? '1' : '0';

        var party = InspectionParty.Create(PartyType.NaturalPerson, "王芳", I.PersonId[..17] + wrong, null);

        party.ShouldFail("inspection.party_id_invalid");
        party.Error!.Message.ShouldBe($"当事人身份证号第18位校验码应为{expected}，实际为{wrong}");
    }

    [Fact]
    public void Create_NaturalPersonWithoutIdOrReason_IsRefused()
    {
        InspectionParty.Create(PartyType.NaturalPerson, "王芳", null, " ").ShouldFail("inspection.party_id_required");
    }

    [Fact]
    public void Create_NaturalPersonWhoRefusesToShowTheId_IsRecordedWithTheReason()
    {
        var party = InspectionParty.Create(PartyType.NaturalPerson, "王芳", "", " 当事人拒绝提供 ");

        party.IsSuccess.ShouldBeTrue();
        party.Value.IdNumber.ShouldBeNull();
        party.Value.IdAbsentReason.ShouldBe("当事人拒绝提供");
    }

    [Fact]
    public void Create_ResidentIdEndingInLowerCaseX_IsStoredWithUpperCaseX()
    {
        var id = Enumerable.Range(0, 1000).Select(n => Zhifa.Domain.Identifiers.ResidentId.Complete($"12010219800101{n:D3}")).First(i => i.EndsWith('X'));

        InspectionParty.Create(PartyType.NaturalPerson, "王芳", id.ToLowerInvariant(), null).Value.IdNumber.ShouldBe(id);
    }

    [Theory]
    [InlineData(PartyType.LegalPerson)]
    [InlineData(PartyType.OtherOrganisation)]
    public void Create_OrganisationWithoutCreditCode_IsRefusedEvenWithAReason(PartyType type)
    {
        InspectionParty.Create(type, "天津鑫盛餐饮管理有限公司", null, "拒绝提供").ShouldFail("inspection.party_code_required");
    }

    [Fact]
    public void Create_OrganisationWithAWrongCheckCharacter_IsRefused()
    {
        var wrong = I.CompanyCode[..17] + (I.CompanyCode[17] == 'A' ? 'B' : 'A');

        var party = InspectionParty.Create(PartyType.LegalPerson, "天津鑫盛餐饮管理有限公司", wrong, null);

        party.ShouldFail("inspection.party_id_invalid");
        party.Error!.Message.ShouldStartWith("当事人统一社会信用代码第18位校验码应为");
    }

    [Fact]
    public void Create_OrganisationGivenAResidentId_IsRefused()
    {
        InspectionParty.Create(PartyType.OtherOrganisation, "演示区鑫盛小吃店", I.PersonId, null).ShouldFail("inspection.party_id_invalid");
    }

    [Fact]
    public void Create_WithoutName_IsRefused()
    {
        InspectionParty.Create(PartyType.LegalPerson, " ", I.CompanyCode, null).ShouldFail("inspection.party_name_required");
    }
}
