using Microsoft.Extensions.Configuration;
using Zhifa.Domain.PenaltyCases;
using Zhifa.PenaltyCases;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>Zhifa:PenaltyRules over the statutory defaults, checked when the platform starts.</summary>
public class PenaltyRulesConfigurationTests
{
    private static PenaltyRules Load(params (string Key, string Value)[] values) => PenaltyRulesConfiguration.Load(new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Zhifa:PenaltyRules:{v.Key}", v.Value)))
        .Build());

    [Fact]
    public void Load_WithoutTheSection_GivesTheStatutoryDefaults()
    {
        Load().ShouldBe(PenaltyRules.Default);
    }

    [Fact]
    public void Load_WithLocalValues_SetsThemOverTheDefaults()
    {
        var rules = Load(("LargeAmountNaturalPerson", "10000"), ("SummaryFineLimitNaturalPerson", "50"), ("HearingRightKinds", "LicenceRevocation,暂扣许可证件"));

        rules.LargeAmountNaturalPerson.ShouldBe(10000m);
        rules.SummaryFineLimitNaturalPerson.ShouldBe(50m);
        rules.HearingRightKinds.Order().ShouldBe([PenaltyKind.LicenceSuspension, PenaltyKind.LicenceRevocation]);
        rules.DecisionDays.ShouldBe(90);
    }

    [Fact]
    public void Load_WithAValueTheLawDoesNotAllowOrAnUnknownKey_StopsWithEveryReasonInChinese()
    {
        var error = Should.Throw<InvalidOperationException>(() => Load(("SummaryFineLimitNaturalPerson", "500"), ("DecisionDay", "60"), ("PaymentDays", "十五")));

        error.Message.ShouldStartWith("处罚规则配置有误:");
        error.Message.ShouldContain("未知的处罚规则配置项 Zhifa:PenaltyRules:DecisionDay");
        error.Message.ShouldContain("Zhifa:PenaltyRules:PaymentDays 的值\"十五\"无效");
        error.Message.ShouldContain("高于法定的200.00元（行政处罚法 第五十一条）");
    }
}
