using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>Input checks shared by the steps: required text, amounts in 分, dates in order and not in the future.</summary>
internal static class Guard
{
    public static DomainError? Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Error("text_required", $"{field}不能为空") : null;

    /// <summary>A positive amount in yuan with at most two decimals.</summary>
    public static DomainError? Amount(decimal amount, string field)
    {
        if (amount <= 0)
            return Error("amount_invalid", $"{field}必须大于零，当前为{Fmt.Yuan(amount)}");
        if (decimal.Round(amount, 2) != amount)
            return Error("amount_invalid", $"{field}最多精确到分，当前为{amount}");
        return null;
    }

    public static DomainError? NotFuture(DateOnly date, DateOnly today, string field) =>
        date > today ? Error("date_in_future", $"{field}{Fmt.Date(date)}晚于今天{Fmt.Date(today)}") : null;

    public static DomainError? NotBefore(DateOnly date, DateOnly earliest, string field, string earlierField) =>
        date < earliest ? Error("date_order", $"{field}{Fmt.Date(date)}早于{earlierField}{Fmt.Date(earliest)}") : null;

    /// <summary>A date of a step: not in the future and not before the previous fact it follows.</summary>
    public static DomainError? StepDate(DateOnly date, DateOnly today, DateOnly earliest, string field, string earlierField) =>
        NotFuture(date, today, field) ?? NotBefore(date, earliest, field, earlierField);

    public static DomainError Error(string code, string message) => new($"penalty.{code}", message);
}
