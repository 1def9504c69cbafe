using DocumentFormat.OpenXml.Wordprocessing;
using Zhifa.Documents;
using static Zhifa.Tests.Documents.DocumentSamples;

namespace Zhifa.Tests.Documents;

public class EnforcementDocumentTests
{
    public static TheoryData<string> DocumentNames => ["立案审批表", "事先告知书", "听证通知书", "处罚决定书", "送达回证"];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Render_WhenSampleCase_GivesAValidDocxWithTitleAndNumber(string name)
    {
        var (bytes, title, number) = Render(name);

        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        var text = Docx.Text(bytes);
        text.ShouldStartWith($"天津市河东区市场监督管理局\n{title}\n{number}\n");
        using var document = Docx.Open(bytes);
        document.PackageProperties.Title.ShouldBe($"{title}（{number}）");
    }

    [Fact]
    public void FilingApprovalForm_Render_FillsTheFormWithPartyHandlersAndApproval()
    {
        var bytes = FilingApprovalForm.Render(Filing(Company));

        var text = Docx.Text(bytes);
        text.ShouldContain("津东市监立〔2023〕5号");
        text.ShouldContain("案件来源\n监督检查\n时间\n2023年2月27日");
        text.ShouldContain("当事人\n名称\n天津市河东区鑫盛商贸有限公司");
        text.ShouldContain("统一社会信用代码\n91120102MA05KTXB8E");
        text.ShouldContain("法定代表人\n王建国\n联系电话\n13802000000");
        text.ShouldContain("涉嫌经营超过保质期的食品");
        text.ShouldContain("承办人：刘洋（执法证号：12010200101）  陈静（执法证号：12010200102）\n2023年2月28日");
        text.ShouldContain("同意立案，由刘洋、陈静承办。\n负责人：孙志强\n2023年3月1日");
        using var document = Docx.Open(bytes);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().ShouldHaveSingleItem();
        table.Descendants<VerticalMerge>().Count().ShouldBe(4); // 当事人 spans four rows
    }

    [Fact]
    public void FilingApprovalForm_Render_WhenNaturalPerson_UsesPersonLabels()
    {
        var text = Docx.Text(FilingApprovalForm.Render(Filing(Person)));
        text.ShouldContain("姓名\n张小明");
        text.ShouldContain("身份证件号码\n120102198501011234");
        text.ShouldContain("住址\n天津市河东区中山门一号路3号");
        text.ShouldNotContain("法定代表人");
    }

    [Fact]
    public void PenaltyNotice_Render_WhenHearingRightApplies_StatesProposalRightsAndDeadlines()
    {
        var text = Docx.Text(PenaltyNotice.Render(Notice(new DateOnly(2023, 4, 11))));

        text.ShouldContain("津东市监告〔2023〕8号");
        text.ShouldContain("天津市河东区鑫盛商贸有限公司：");
        text.ShouldContain("本局于2023年3月1日对你单位涉嫌经营超过保质期的食品一案立案调查。经查，当事人于2023年2月10日");
        text.ShouldContain("1.现场笔录、现场照片；\n2.当事人营业执照复印件；");
        text.ShouldContain("4.进货票据。");
        text.ShouldContain("违反了《中华人民共和国食品安全法》第三十四条第十项的规定");
        text.ShouldContain("1.没收超过保质期的“优品”牌纯牛奶12箱；\n2.没收违法所得人民币壹仟贰佰元整（¥1,200.00）；\n3.罚款人民币壹万贰仟元整（¥12,000.00）。");
        text.ShouldContain("《中华人民共和国行政处罚法》第四十四条、第四十五条");
        text.ShouldContain("五个工作日内（截至2023年4月11日）向本局提出陈述、申辩意见");
        text.ShouldContain("《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求听证");
        text.ShouldContain("联系人：刘洋、陈静\n联系电话：022-24120000");
        text.ShouldEndWith("天津市河东区市场监督管理局\n二〇二三年四月三日");
    }

    [Fact]
    public void PenaltyNotice_Render_WhenNoHearingRight_LeavesOutTheHearing()
    {
        var text = Docx.Text(PenaltyNotice.Render(Notice(hearingDeadline: null)));
        text.ShouldContain("第四十四条");
        text.ShouldNotContain("听证");
        text.ShouldNotContain("第六十三条");
    }

    [Fact]
    public void HearingNotice_Render_StatesTimePlaceChairAndRights()
    {
        var text = Docx.Text(HearingNotice.Render(Hearing()));

        text.ShouldContain("津东市监听告〔2023〕2号");
        text.ShouldContain("根据你单位于2023年4月6日提出的听证要求，本局定于2023年4月20日上午9时30分在天津市河东区市场监督管理局三楼听证室");
        text.ShouldContain("《行政处罚事先告知书》（津东市监告〔2023〕8号）");
        text.ShouldContain("本次听证公开举行。");
        text.ShouldContain("本次听证由周文华担任主持人，吴婷担任记录员。");
        text.ShouldContain("《中华人民共和国行政处罚法》第六十四条");
        text.ShouldContain("有权申请回避");
        text.ShouldContain("视为放弃听证权利");
        text.ShouldEndWith("天津市河东区市场监督管理局\n二〇二三年四月十日");
    }

    [Fact]
    public void HearingNotice_Render_WhenClosed_StatesWhy() =>
        Docx.Text(HearingNotice.Render(Hearing() with { ClosedReason = "商业秘密" })).ShouldContain("因涉及商业秘密，本次听证依法不公开举行。");

    [Fact]
    public void PenaltyDecision_Render_StatesPartyPenaltiesPaymentAndRemedies()
    {
        var text = Docx.Text(PenaltyDecision.Render(Decision(Company, FineAndGains)));

        text.ShouldContain("津东市监罚〔2023〕12号");
        text.ShouldContain("当事人：天津市河东区鑫盛商贸有限公司\n统一社会信用代码：91120102MA05KTXB8E\n住所：天津市河东区大直沽八号路12号\n法定代表人：王建国");
        text.ShouldContain("经查，当事人于2023年2月10日");
        text.ShouldContain("\n当事人违法所得1200元。\n");
        text.ShouldContain("本局于2023年4月4日向当事人送达了《行政处罚事先告知书》（津东市监告〔2023〕8号）");
        text.ShouldContain("陈述、申辩和要求听证的权利。当事人在规定期限内未提出陈述、申辩意见，也未要求听证。");
        text.ShouldContain("构成经营超过保质期的食品的违法行为。");
        text.ShouldContain("1.没收违法所得人民币壹仟贰佰元整（¥1,200.00）；\n2.罚款人民币壹万贰仟元整（¥12,000.00）。");
        text.ShouldContain("以上罚没款共计人民币壹万叁仟贰佰元整（¥13,200.00）。");
        text.ShouldContain("自收到本决定书之日起十五日内，将罚没款缴至中国工商银行天津河东支行（户名：天津市河东区财政局；账号：0302080909300012345）");
        text.ShouldContain("第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额");
        text.ShouldContain("《中华人民共和国行政复议法》第二十条的规定，自收到本决定书之日起六十日内向天津市河东区人民政府申请行政复议");
        text.ShouldContain("《中华人民共和国行政诉讼法》第四十六条的规定，自收到本决定书之日起六个月内直接向天津市河东区人民法院提起行政诉讼");
        text.ShouldContain("第七十三条");
        text.ShouldEndWith("天津市河东区市场监督管理局\n二〇二三年五月六日");
    }

    [Fact]
    public void PenaltyDecision_Render_WhenNaturalPerson_IdentifiesThePersonInFull()
    {
        var text = Docx.Text(PenaltyDecision.Render(Decision(Person, [new FinePenalty(100005.50m)])));
        text.ShouldContain("当事人：张小明\n身份证件号码：120102198501011234\n住址：天津市河东区中山门一号路3号");
        text.ShouldContain("罚款人民币壹拾万零伍元伍角（¥100,005.50）。");
        text.ShouldNotContain("共计");
        text.ShouldNotContain("法定代表人");
    }

    [Fact]
    public void PenaltyDecision_Render_WhenOnlyAWarning_HasNoPaymentOrSurcharge()
    {
        var input = Decision(Company, [new WarningPenalty()]) with { Payment = null, PartyResponse = "当事人提出书面陈述，本局经复核予以采纳。" };
        var text = Docx.Text(PenaltyDecision.Render(input));
        text.ShouldContain("本局决定对当事人作出如下行政处罚：\n警告。");
        text.ShouldContain("当事人提出书面陈述，本局经复核予以采纳。");
        text.ShouldNotContain("缴至");
        text.ShouldNotContain("加处罚款");
        text.ShouldContain("申请行政复议");
    }

    [Fact]
    public void PenaltyDecision_Render_WhenGainsButNoFine_HasPaymentWithoutSurcharge()
    {
        var text = Docx.Text(PenaltyDecision.Render(Decision(Company, [new ConfiscateGainsPenalty(1200m)])));
        text.ShouldContain("缴至");
        text.ShouldNotContain("加处罚款");
    }

    [Fact]
    public void PenaltyDecision_Render_WhenMoneyPenaltyWithoutAccount_Throws() =>
        Should.Throw<ArgumentException>(() => PenaltyDecision.Render(Decision(Company, FineAndGains) with { Payment = null }));

    [Fact]
    public void Render_WhenNumberOfAnotherSeries_Throws() =>
        Should.Throw<ArgumentException>(() => PenaltyDecision.Render(Decision(Company, FineAndGains) with { Number = Number(DocumentKind.PenaltyNotice, 1) }));

    [Fact]
    public void ServiceReceipt_Render_ListsDocumentsMethodServersAndTime()
    {
        var bytes = ServiceReceipt.Render(Receipt(new DateTime(2023, 5, 8, 10, 0, 0)));

        var text = Docx.Text(bytes);
        text.ShouldContain("津东市监送〔2023〕20号");
        text.ShouldContain("受送达人\n天津市河东区鑫盛商贸有限公司");
        text.ShouldContain("送达文书名称及文号\n《行政处罚决定书》（津东市监罚〔2023〕12号）");
        text.ShouldContain("送达方式\n直接送达");
        text.ShouldContain("送达人\n刘洋（执法证号：12010200101）\n陈静（执法证号：12010200102）\n送达时间\n2023年5月8日上午10时");
        text.ShouldContain("受送达人签名或者盖章");
        using var document = Docx.Open(bytes);
        document.MainDocumentPart!.Document.Body!.Elements<Table>().ShouldHaveSingleItem();
    }

    [Fact]
    public void ServiceReceipt_Render_WhenTimeUnknown_LeavesItBlankForHand() =>
        Docx.Text(ServiceReceipt.Render(Receipt(servedAt: null))).ShouldContain("送达时间\n年    月    日    时    分");

    [Fact]
    public void Render_WhenWrittenToAStream_GivesTheSameDocument()
    {
        using var stream = new MemoryStream();
        PenaltyDecision.Render(Decision(Company, FineAndGains), stream);
        Docx.Text(stream.ToArray()).ShouldBe(Docx.Text(PenaltyDecision.Render(Decision(Company, FineAndGains))));
    }

    private static (byte[] Bytes, string Title, string Number) Render(string name) => name switch
    {
        "立案审批表" => (FilingApprovalForm.Render(Filing(Company)), "立案审批表", "津东市监立〔2023〕5号"),
        "事先告知书" => (PenaltyNotice.Render(Notice(new DateOnly(2023, 4, 11))), "行政处罚事先告知书", "津东市监告〔2023〕8号"),
        "听证通知书" => (HearingNotice.Render(Hearing()), "听证通知书", "津东市监听告〔2023〕2号"),
        "处罚决定书" => (PenaltyDecision.Render(Decision(Company, FineAndGains)), "行政处罚决定书", "津东市监罚〔2023〕12号"),
        _ => (ServiceReceipt.Render(Receipt(new DateTime(2023, 5, 8, 10, 0, 0))), "送达回证", "津东市监送〔2023〕20号"),
    };
}
