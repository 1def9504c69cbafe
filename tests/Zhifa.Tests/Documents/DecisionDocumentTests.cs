using Zhifa.Documents;
using static Zhifa.Tests.Documents.DocumentSamples;

namespace Zhifa.Tests.Documents;

/// <summary>当场行政处罚决定书 (简易程序, 行政处罚法 第五十一、五十二条) and 不予行政处罚决定书 (第三十三、五十七条), rendered from plain inputs.</summary>
public class DecisionDocumentTests
{
    private static SummaryDecisionInput OnTheSpot(decimal fine, string? statement = null) => new()
    {
        Number = Number(DocumentKind.SummaryDecision, 3),
        Agency = Agency,
        Party = Person,
        Facts = "当事人在其经营的早点摊外占用人行道堆放杂物",
        ViolatedProvision = "《天津市市容和环境卫生管理条例》第二十一条",
        PenaltyBasis = "《天津市市容和环境卫生管理条例》第七十条",
        Penalties = [new FinePenalty(fine)],
        PartyStatement = statement,
        Payment = Account,
        Place = "天津市河东区十一经路与六纬路交口",
        Officers = DocumentSamples.Officers,
        DecidedOn = new DateOnly(2023, 6, 2),
    };

    private static NoPenaltyDecisionInput Exempted(NoPenaltyBasis basis = NoPenaltyBasis.ExemptionMinor) => new()
    {
        Number = Number(DocumentKind.NoPenaltyDecision, 4),
        Agency = Agency,
        Party = Company,
        CaseCause = "经营标签不符合规定的预包装食品",
        FiledOn = new DateOnly(2023, 3, 1),
        Facts = "当事人销售的预包装食品标签未标注生产者联系方式，货值金额80元",
        Evidence = ["现场笔录", "询问笔录"],
        ViolatedProvision = "《中华人民共和国食品安全法》第六十七条",
        Basis = basis,
        Reason = "当事人系初次违法，危害后果轻微，并已于检查当日下架改正",
        ExemptionEntry = "首违不罚：首次销售标签瑕疵的预包装食品，货值不超过100元，当场改正",
        EducationRecord = "2023年3月6日约谈当事人负责人，讲解食品标签的法律规定，当事人签署守法承诺书",
        DecidedOn = new DateOnly(2023, 3, 20),
    };

    [Fact]
    public void SummaryDecision_Render_StatesWhatArticle52AsksAndIsValid()
    {
        var bytes = SummaryDecision.Render(OnTheSpot(200m, "承认占道，已清理"));

        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        var text = Docx.Text(bytes);
        text.ShouldStartWith("天津市河东区市场监督管理局\n当场行政处罚决定书\n津东市监当罚〔2023〕3号\n");
        text.ShouldContain("当事人：张小明\n身份证件号码：120102198501011234");
        text.ShouldContain("经查，当事人在其经营的早点摊外占用人行道堆放杂物。");
        text.ShouldContain("出示了执法证件");
        text.ShouldContain("当事人陈述、申辩：承认占道，已清理。");
        text.ShouldContain("《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚决定：\n罚款人民币贰佰元整（¥200.00）。");
        text.ShouldNotContain("当场收缴"); // more than 100 yuan (第六十八条第一项)
        text.ShouldContain("十五日内，将罚没款缴至中国工商银行天津河东支行");
        text.ShouldContain("每日按罚款数额的百分之三加处罚款");
        text.ShouldContain("六十日内向天津市河东区人民政府申请行政复议");
        text.ShouldContain("处罚时间：2023年6月2日\n处罚地点：天津市河东区十一经路与六纬路交口");
        text.ShouldContain("执法人员：刘洋（执法证号：12010200101）、陈静（执法证号：12010200102）");
        text.ShouldContain("当事人签收：");
        text.ShouldContain("二〇二三年六月二日");
    }

    [Fact]
    public void SummaryDecision_FineOfAtMost100Yuan_MayBeCollectedOnTheSpot()
    {
        var text = Docx.Text(SummaryDecision.Render(OnTheSpot(100m)));

        text.ShouldContain("罚款人民币壹佰元整（¥100.00）");
        text.ShouldContain("第六十八条第一项的规定，罚款可以由执法人员当场收缴");
        text.ShouldContain("当事人未提出陈述、申辩意见。");
    }

    [Fact]
    public void SummaryDecision_WarningOnly_HasNoPaymentParagraph()
    {
        var text = Docx.Text(SummaryDecision.Render(OnTheSpot(1m) with { Penalties = [new WarningPenalty()], Payment = null }));

        text.ShouldContain("当场作出如下行政处罚决定：\n警告。");
        text.ShouldNotContain("缴至");
    }

    [Fact]
    public void NoPenaltyDecision_UnderAnExemption_NamesTheListEntryAndTheEducation()
    {
        var bytes = NoPenaltyDecision.Render(Exempted());

        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        var text = Docx.Text(bytes);
        text.ShouldStartWith("天津市河东区市场监督管理局\n不予行政处罚决定书\n津东市监不罚〔2023〕4号\n");
        text.ShouldContain("本局于2023年3月1日对当事人涉嫌经营标签不符合规定的预包装食品一案立案调查");
        text.ShouldContain("上述事实，有以下证据证明：\n1.现场笔录；\n2.询问笔录。");
        text.ShouldContain("违反了《中华人民共和国食品安全法》第六十七条的规定，但当事人系初次违法");
        text.ShouldContain("符合本机关公布的免罚清单所列“首违不罚：首次销售标签瑕疵的预包装食品，货值不超过100元，当场改正”的情形。");
        text.ShouldContain("依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本局决定对当事人不予行政处罚。");
        text.ShouldContain("第三十三条第三款的规定，本局已对当事人进行教育：2023年3月6日约谈当事人负责人");
        text.ShouldContain("六个月内直接向天津市河东区人民法院提起行政诉讼");
        text.ShouldNotContain("不停止执行");
        text.ShouldNotContain("罚款");
        text.ShouldContain("二〇二三年三月二十日");
    }

    [Fact]
    public void NoPenaltyDecision_NoSubjectiveFault_CitesTheSecondParagraph()
    {
        var text = Docx.Text(NoPenaltyDecision.Render(Exempted(NoPenaltyBasis.ExemptionNoFault)));

        text.ShouldContain("第三十三条第二款的规定，本局决定对当事人不予行政处罚");
    }

    [Fact]
    public void NoPenaltyDecision_FactsNotEstablished_HasNoEducationParagraph()
    {
        var input = Exempted(NoPenaltyBasis.FactsNotEstablished) with
        {
            ViolatedProvision = null, ExemptionEntry = null, EducationRecord = null, Evidence = [],
            Reason = "现有证据不能证明涉案食品系当事人销售",
        };

        var text = Docx.Text(NoPenaltyDecision.Render(input));

        text.ShouldContain("本局认为，现有证据不能证明涉案食品系当事人销售，违法事实不能成立。");
        text.ShouldContain("第五十七条第一款第三项的规定，本局决定对当事人不予行政处罚。");
        text.ShouldNotContain("教育");
        text.ShouldNotContain("证据证明");
    }

    [Fact]
    public void NoPenaltyDecision_ExemptionWithoutEducation_IsRefused() =>
        Should.Throw<ArgumentException>(() => NoPenaltyDecision.Render(Exempted() with { EducationRecord = " " }));

    [Fact]
    public void Numbers_OfTheNewKinds_ReadBackAsTheirKind()
    {
        DocumentNumber.Parse("津东市监当罚〔2023〕3号").Value.Kind.ShouldBe(DocumentKind.SummaryDecision);
        DocumentNumber.Parse("津东市监不罚〔2023〕4号").Value.Kind.ShouldBe(DocumentKind.NoPenaltyDecision);
        DocumentNumber.Parse("津东市监罚〔2023〕12号").Value.Kind.ShouldBe(DocumentKind.PenaltyDecision);
    }
}
