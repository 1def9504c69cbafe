namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 行政处罚的种类 (行政处罚法 第九条). Administrative detention (行政拘留) is left out: only public security
/// organs impose it, under their own procedure, and no agency on the platform does.
/// </summary>
public enum PenaltyKind
{
    Warning,                       // 警告
    PublicCriticism,               // 通报批评
    Fine,                          // 罚款
    ConfiscationOfIllegalGains,    // 没收违法所得
    ConfiscationOfIllegalProperty, // 没收非法财物
    LicenceSuspension,             // 暂扣许可证件
    QualificationDowngrade,        // 降低资质等级
    LicenceRevocation,             // 吊销许可证件
    BusinessRestriction,           // 限制开展生产经营活动
    ProductionSuspension,          // 责令停产停业
    Closure,                       // 责令关闭
    PracticeRestriction,           // 限制从业
    Other,                         // 法律、行政法规规定的其他行政处罚
}

public static class PenaltyKindNames
{
    private static readonly ChineseNames<PenaltyKind> Names = new(new()
    {
        [PenaltyKind.Warning] = "警告",
        [PenaltyKind.PublicCriticism] = "通报批评",
        [PenaltyKind.Fine] = "罚款",
        [PenaltyKind.ConfiscationOfIllegalGains] = "没收违法所得",
        [PenaltyKind.ConfiscationOfIllegalProperty] = "没收非法财物",
        [PenaltyKind.LicenceSuspension] = "暂扣许可证件",
        [PenaltyKind.QualificationDowngrade] = "降低资质等级",
        [PenaltyKind.LicenceRevocation] = "吊销许可证件",
        [PenaltyKind.BusinessRestriction] = "限制开展生产经营活动",
        [PenaltyKind.ProductionSuspension] = "责令停产停业",
        [PenaltyKind.Closure] = "责令关闭",
        [PenaltyKind.PracticeRestriction] = "限制从业",
        [PenaltyKind.Other] = "其他行政处罚",
    });

    public static string ToChinese(this PenaltyKind kind) => Names.Of(kind);

    public static bool TryParseChinese(string text, out PenaltyKind kind) => Names.TryParse(text, out kind);

    public static string ToChinese(this IEnumerable<PenaltyKind> kinds) => string.Join("、", kinds.Select(k => k.ToChinese()));

    public static bool IsConfiscation(this PenaltyKind kind) =>
        kind is PenaltyKind.ConfiscationOfIllegalGains or PenaltyKind.ConfiscationOfIllegalProperty;
}
