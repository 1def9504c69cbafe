using Zhifa.Documents;
using Zhifa.Domain.Cases;

namespace Zhifa.Tests.Documents;

/// <summary>One food-safety case of 天津市河东区市场监督管理局, from filing to service.</summary>
internal static class DocumentSamples
{
    public static readonly AgencyInfo Agency = new(
        "天津市河东区市场监督管理局", "津东市监", "天津市河东区十一经路78号", "022-24120000",
        "天津市河东区人民政府", "天津市河东区人民法院");

    public static readonly PartyInfo Company = new(PartyType.LegalPerson, "天津市河东区鑫盛商贸有限公司", "91120102MA05KTXB8E", "天津市河东区大直沽八号路12号")
    {
        Representative = "王建国",
        Phone = "13802000000",
    };

    public static readonly PartyInfo Person = new(PartyType.NaturalPerson, "张小明", "120102198501011234", "天津市河东区中山门一号路3号");

    public static readonly OfficerInfo[] Officers = [new("刘洋", "12010200101"), new("陈静", "12010200102")];

    public static readonly PaymentAccount Account = new("中国工商银行天津河东支行", "天津市河东区财政局", "0302080909300012345");

    public static DocumentNumber Number(DocumentKind kind, int sequence) =>
        DocumentNumber.Create(Agency.NumberPrefix, kind, 2023, sequence).Value;

    public static FilingApprovalInput Filing(PartyInfo party) => new()
    {
        Number = Number(DocumentKind.FilingApproval, 5),
        Agency = Agency,
        CaseSource = "监督检查",
        SourceDate = new DateOnly(2023, 2, 27),
        Party = party,
        CaseCause = "经营超过保质期的食品",
        BriefFacts = "2023年2月27日，执法人员对当事人经营场所进行检查，发现货架上摆放的“优品”牌纯牛奶12箱已超过保质期。\n" +
            "当事人涉嫌违反《中华人民共和国食品安全法》第三十四条第十项的规定，符合立案条件。",
        HandlerOpinion = "建议立案调查。",
        Handlers = Officers,
        HandlerDate = new DateOnly(2023, 2, 28),
        DepartmentApproval = new ApprovalInfo("同意立案。", "赵立新", new DateOnly(2023, 2, 28)),
        AgencyApproval = new ApprovalInfo("同意立案，由刘洋、陈静承办。", "孙志强", new DateOnly(2023, 3, 1)),
    };

    public static PenaltyNoticeInput Notice(DateOnly? hearingDeadline) => new()
    {
        Number = Number(DocumentKind.PenaltyNotice, 8),
        Agency = Agency,
        Party = Company,
        CaseCause = "经营超过保质期的食品",
        FiledOn = new DateOnly(2023, 3, 1),
        Facts = "当事人于2023年2月10日购进“优品”牌纯牛奶20箱，截至2023年2月27日已售出8箱，剩余12箱超过保质期仍在销售。",
        Evidence = ["现场笔录、现场照片", "当事人营业执照复印件", "询问笔录", "进货票据"],
        ViolatedProvision = "《中华人民共和国食品安全法》第三十四条第十项",
        PenaltyBasis = "《中华人民共和国食品安全法》第一百二十四条第一款第五项",
        Discretion = "鉴于当事人积极配合调查，主动下架涉案食品，依据《天津市市场监督管理行政处罚裁量权适用规则》，对当事人从轻处罚。",
        Penalties = [new ConfiscatePropertyPenalty("超过保质期的“优品”牌纯牛奶12箱"), new ConfiscateGainsPenalty(1200m), new FinePenalty(12000m)],
        StatementDeadline = new DateOnly(2023, 4, 11),
        HearingRequestDeadline = hearingDeadline,
        Officers = Officers,
        IssuedOn = new DateOnly(2023, 4, 3),
    };

    public static HearingNoticeInput Hearing() => new()
    {
        Number = Number(DocumentKind.HearingNotice, 2),
        Agency = Agency,
        Party = Company,
        CaseCause = "经营超过保质期的食品",
        NoticeNumber = Number(DocumentKind.PenaltyNotice, 8),
        RequestedOn = new DateOnly(2023, 4, 6),
        HearingAt = new DateTime(2023, 4, 20, 9, 30, 0),
        Place = "天津市河东区市场监督管理局三楼听证室",
        Chair = "周文华",
        Clerk = "吴婷",
        Officers = Officers,
        IssuedOn = new DateOnly(2023, 4, 10),
    };

    public static PenaltyDecisionInput Decision(PartyInfo party, IReadOnlyList<PenaltyItem> penalties) => new()
    {
        Number = Number(DocumentKind.PenaltyDecision, 12),
        Agency = Agency,
        Party = party,
        CaseCause = "经营超过保质期的食品",
        FiledOn = new DateOnly(2023, 3, 1),
        Facts = "当事人于2023年2月10日购进“优品”牌纯牛奶20箱，截至2023年2月27日已售出8箱，剩余12箱超过保质期仍在销售。\n当事人违法所得1200元。",
        Evidence = ["现场笔录、现场照片", "询问笔录", "进货票据"],
        NoticeNumber = Number(DocumentKind.PenaltyNotice, 8),
        NoticeServedOn = new DateOnly(2023, 4, 4),
        HearingRightNotified = true,
        ViolatedProvision = "《中华人民共和国食品安全法》第三十四条第十项",
        Violation = "经营超过保质期的食品的违法行为",
        PenaltyBasis = "《中华人民共和国食品安全法》第一百二十四条第一款第五项",
        Penalties = penalties,
        Payment = Account,
        DecidedOn = new DateOnly(2023, 5, 6),
    };

    public static readonly PenaltyItem[] FineAndGains = [new ConfiscateGainsPenalty(1200m), new FinePenalty(12000m)];

    public static ServiceReceiptInput Receipt(DateTime? servedAt) => new()
    {
        Number = Number(DocumentKind.ServiceReceipt, 20),
        Agency = Agency,
        Recipient = Company,
        Documents = [ServedDocument.Of(Number(DocumentKind.PenaltyDecision, 12))],
        Method = ServiceMethod.Direct,
        Place = "天津市河东区大直沽八号路12号",
        Servers = Officers,
        ServedAt = servedAt,
    };
}
