namespace Zhifa.Domain.PenaltyCases;

/// <summary>How the fine is due: by the statutory date, or as approved on the party's application (第六十六条).</summary>
public enum PaymentArrangement
{
    Statutory,   // 法定期限内缴纳
    Deferral,    // 延期缴纳
    Instalments, // 分期缴纳
}

/// <summary>What suspends the late-payment surcharge (行政处罚法 第七十三条).</summary>
public enum AppealKind
{
    Reconsideration, // 行政复议
    Litigation,      // 行政诉讼
}

public enum ClosingReason
{
    Executed,               // 执行完毕
    NotPenalised,           // 不予行政处罚
    CourtEnforcement,       // 申请人民法院强制执行
    TransferredToJudiciary, // 移送司法机关 (第五十七条(四)、第八十二条)
    FilingRevoked,          // 撤销立案
}

public static class ExecutionNames
{
    private static readonly ChineseNames<PaymentArrangement> Arrangements = new(new()
    {
        [PaymentArrangement.Statutory] = "法定期限内缴纳",
        [PaymentArrangement.Deferral] = "延期缴纳",
        [PaymentArrangement.Instalments] = "分期缴纳",
    });

    private static readonly ChineseNames<AppealKind> Appeals = new(new()
    {
        [AppealKind.Reconsideration] = "行政复议",
        [AppealKind.Litigation] = "行政诉讼",
    });

    private static readonly ChineseNames<ClosingReason> Reasons = new(new()
    {
        [ClosingReason.Executed] = "执行完毕",
        [ClosingReason.NotPenalised] = "不予行政处罚",
        [ClosingReason.CourtEnforcement] = "申请人民法院强制执行",
        [ClosingReason.TransferredToJudiciary] = "移送司法机关",
        [ClosingReason.FilingRevoked] = "撤销立案",
    });

    public static string ToChinese(this PaymentArrangement arrangement) => Arrangements.Of(arrangement);

    public static bool TryParseChinese(string text, out PaymentArrangement arrangement) => Arrangements.TryParse(text, out arrangement);

    public static string ToChinese(this AppealKind kind) => Appeals.Of(kind);

    public static bool TryParseChinese(string text, out AppealKind kind) => Appeals.TryParse(text, out kind);

    public static string ToChinese(this ClosingReason reason) => Reasons.Of(reason);

    public static bool TryParseChinese(string text, out ClosingReason reason) => Reasons.TryParse(text, out reason);
}

/// <summary>A payment received (缴款), applied to the fine first and then to the surcharge.</summary>
public sealed class Payment
{
    private Payment() { }

    internal Payment(DateOnly paidOn, decimal amount, string? receiptNumber, DateTimeOffset recordedAt, string recordedBy)
    {
        PaidOn = paidOn;
        Amount = amount;
        ReceiptNumber = receiptNumber;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>罚没款票据号 or bank reference.</summary>
    public string? ReceiptNumber { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

/// <summary>One approved instalment (or the single deferred payment) of the fine.</summary>
public sealed record Instalment(DateOnly DueOn, decimal Amount);

/// <summary>A period of reconsideration or litigation; the surcharge is not counted inside it (第七十三条). Both ends count.</summary>
public sealed class AppealPeriod
{
    private AppealPeriod() { }

    internal AppealPeriod(AppealKind kind, DateOnly startedOn, string note)
    {
        Kind = kind;
        StartedOn = startedOn;
        Note = note;
    }

    public long Id { get; private set; }
    public AppealKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>Null while the reconsideration or litigation is pending.</summary>
    public DateOnly? EndedOn { get; private set; }
    public string Note { get; private set; } = "";

    public bool Covers(DateOnly day) => day >= StartedOn && (EndedOn is null || day <= EndedOn);

    internal void End(DateOnly on) => EndedOn = on;
}
