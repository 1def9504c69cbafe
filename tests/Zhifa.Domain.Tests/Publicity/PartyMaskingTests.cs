using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

public class PartyMaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("司马相如", "司马**")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("司马", "司*")]        // two characters: surname + given name, not a bare compound surname
    [InlineData("欧文", "欧*")]        // 欧 alone is a surname too
    [InlineData("艾力·买买提", "艾*·***")] // the separator reveals nothing
    [InlineData(" 王五 ", "王*")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskName_KeepsTheSurnameAndHidesEachOtherCharacter(string? name, string expected)
    {
        PartyMasking.MaskName(name).ShouldBe(expected);
    }

    [Fact]
    public void MaskName_WithCharacterOutsideTheBasicPlane_CountsItAsOneCharacter()
    {
        PartyMasking.MaskName("𠮷野家").ShouldBe("𠮷**");
    }

    [Fact]
    public void Publish_WhenNaturalPerson_MasksTheNameAndDropsTheCode()
    {
        var party = PartyMasking.Publish(PartyType.NaturalPerson, "张三丰", "91120102MA05XXXX0X");

        party.ShouldBe(new PublicParty("张**", null, true));
    }

    [Theory]
    [InlineData(PartyType.LegalPerson)]
    [InlineData(PartyType.OtherOrganisation)]
    public void Publish_WhenOrganisation_ShowsNameAndCreditCodeInFull(PartyType type)
    {
        var party = PartyMasking.Publish(type, "天津市河东区鑫盛商贸有限公司", "91120102MA05K3QX1B");

        party.ShouldBe(new PublicParty("天津市河东区鑫盛商贸有限公司", "91120102MA05K3QX1B", false));
    }

    [Fact]
    public void Publish_WhenPartyTypeUnknown_MasksAsNaturalPerson()
    {
        PartyMasking.Publish(null, "赵六", null).Name.ShouldBe("赵*");
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("110105491231002", "110105******002")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void MaskResidentId_HidesTheDateOfBirth(string? id, string expected)
    {
        PartyMasking.MaskResidentId(id).ShouldBe(expected);
    }

    [Theory]
    [InlineData("张三丰", "张", true)]
    [InlineData("张三丰", "张三", false)]   // would confirm a hidden character
    [InlineData("张三丰", "三", false)]
    [InlineData("张三丰", "张三丰", false)]
    [InlineData("欧阳修", "欧阳", true)]
    [InlineData("欧阳修", "阳", true)]
    [InlineData("欧阳修", "修", false)]
    [InlineData("司马", "马", false)]      // two characters: 马 is the hidden given name
    public void SearchMayMatchNaturalPerson_OnlyOnTheVisibleSurname(string name, string term, bool expected)
    {
        PartyMasking.SearchMayMatchNaturalPerson(name, term).ShouldBe(expected);
    }

    [Fact]
    public void SearchPrefixes_AgreeWithTheVisibleSurnameRule()
    {
        string[] names = ["张三", "张三丰", "欧阳修", "欧阳", "欧文", "司马相如", "司马", "马云", "阳光明", "诸葛亮", "葛优", "李"];
        string[] terms = ["张", "张三", "欧", "阳", "欧阳", "马", "司马", "葛", "诸葛", "亮", "李", "相如", "欧阳修"];
        foreach (var name in names)
        {
            foreach (var term in terms)
            {
                var byPrefix = PartyMasking.SearchPrefixes(term)
                    .Any(p => name.StartsWith(p.Prefix, StringComparison.Ordinal) && (!p.CompoundSurname || name.Length >= 3));
                byPrefix.ShouldBe(PartyMasking.SearchMayMatchNaturalPerson(name, term), $"{name} / {term}");
            }
        }
    }

    [Theory]
    [InlineData("张**", "张")]
    [InlineData("  鑫盛 ", "鑫盛")]
    [InlineData(null, "")]
    public void NormaliseSearchTerm_DropsMaskCharactersOfACopiedName(string? term, string expected)
    {
        PartyMasking.NormaliseSearchTerm(term).ShouldBe(expected);
    }
}
