using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>
/// Collects the 400 errors of one request, keyed by field (api.md), while reading its values: required text and
/// dates, and enumerations by English or Chinese name. A request with any error is refused as a whole.
/// </summary>
internal sealed class RequestCheck
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Failed => _errors.Count > 0;

    public AppError Error => AppError.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public string Text(string? value, string field, string label, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, $"请填写{label}");
        else if (value.Trim().Length > maxLength)
            Add(field, $"{label}不能超过 {maxLength} 个字符");
        return value?.Trim() ?? "";
    }

    public string? Optional(string? value, string field, string label, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Trim().Length > maxLength)
            Add(field, $"{label}不能超过 {maxLength} 个字符");
        return value.Trim();
    }

    public DateOnly Date(DateOnly? value, string field, string label)
    {
        if (value is null)
            Add(field, $"请填写{label}(YYYY-MM-DD)");
        return value ?? default;
    }

    public T Value<T>(T? value, string field, string label) where T : struct
    {
        if (value is null)
            Add(field, $"请填写{label}");
        return value ?? default;
    }

    /// <summary>An enumeration member by its English name or its Chinese name; the message lists the Chinese names.</summary>
    public TEnum Enum<TEnum>(string? text, string field, string label, Func<TEnum, string> chinese) where TEnum : struct, System.Enum
    {
        if (TryEnum(text, chinese, out var value))
            return value;
        var choices = string.Join("、", System.Enum.GetValues<TEnum>().Select(chinese));
        Add(field, string.IsNullOrWhiteSpace(text) ? $"请选择{label}:{choices}" : $"{label}\"{text}\"无效,应为:{choices}");
        return default;
    }

    public TEnum? OptionalEnum<TEnum>(string? text, string field, string label, Func<TEnum, string> chinese) where TEnum : struct, System.Enum =>
        string.IsNullOrWhiteSpace(text) ? null : Enum(text, field, label, chinese);

    public IReadOnlyList<TEnum> Enums<TEnum>(IReadOnlyList<string>? texts, string field, string label, Func<TEnum, string> chinese)
        where TEnum : struct, System.Enum =>
        (texts ?? []).Select((t, i) => Enum(t, $"{field}[{i}]", label, chinese)).ToList();

    public static bool TryEnum<TEnum>(string? text, Func<TEnum, string> chinese, out TEnum value) where TEnum : struct, System.Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        foreach (var member in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(member.ToString(), t, StringComparison.OrdinalIgnoreCase) || chinese(member) == t)
            {
                value = member;
                return true;
            }
        }
        return false;
    }

    /// <summary>The party: its type, name and identifier checked by the domain (a credit code's check character …).</summary>
    public PenaltyParty? Party(PartyRequest? party)
    {
        if (party is null)
        {
            Add("party", "请填写当事人");
            return null;
        }
        var type = Enum<PartyType>(party.Type, "party.type", "当事人类型", CaseEnumNames.ToChinese);
        var name = Text(party.Name, "party.name", "当事人名称", 200);
        Optional(party.Address, "party.address", "当事人地址", 200);
        Optional(party.Phone, "party.phone", "联系电话", 50);
        Optional(party.Representative, "party.representative", "法定代表人或负责人", 100);
        if (Failed)
            return null;
        var created = PenaltyParty.Create(type, name, party.Identifier);
        if (!created.IsSuccess)
            Add("party.identifier", created.Error.Message);
        return created.IsSuccess ? created.Value : null;
    }

    public CaseSignificance Significance(SignificanceRequest? s) => s is null ? CaseSignificance.None : new CaseSignificance
    {
        MajorPublicInterest = s.MajorPublicInterest,
        ComplexOrDifficult = s.ComplexOrDifficult,
        MajorViolation = s.MajorViolation,
        OnMajorDecisionList = s.OnMajorDecisionList,
    };

    /// <summary>Time of day as HH:mm.</summary>
    public TimeOnly? Time(string? text, string field, string label, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                Add(field, $"请填写{label}(HH:mm)");
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        Add(field, $"{label}\"{text}\"无效,应为 HH:mm");
        return null;
    }
}

/// <summary>Which request field a domain refusal is about, so that a 422 can name it in <c>errors</c> as a 400 does.</summary>
internal static class RuleFields
{
    /// <summary>The refusal as a 422, with <c>errors</c> keyed by the field when the step names one for the code's family.</summary>
    public static AppError Refusal(DomainError error, IReadOnlyDictionary<string, string> fieldsByFamily) =>
        Family(error.Code) is { } family && fieldsByFamily.TryGetValue(family, out var field)
            ? new AppError(FailureKind.RuleBroken, error.Code, error.Message, field)
            : AppError.Rule(error);

    /// <summary>Families of the domain's codes: the kind of value each refusal is about.</summary>
    private static string? Family(string code) => code.StartsWith("penalty.", StringComparison.Ordinal) ? code[8..] switch
    {
        "date_in_future" or "date_order" => "date",
        "amount_invalid" or "overpayment" => "amount",
        "limitation_expired" => "discovered",
        var c when c.StartsWith("terms_", StringComparison.Ordinal) || c.StartsWith("summary_", StringComparison.Ordinal)
            || c == "heavier_than_notified" => "terms",
        var c when c.StartsWith("discretion_", StringComparison.Ordinal) => "discretion",
        var c when c.StartsWith("exemption_", StringComparison.Ordinal) || c == "education_record_required" => "exemption",
        var c when c.StartsWith("reviewer_", StringComparison.Ordinal) => "reviewer",
        // not_case_officer and officer_recused are left out: they are said of the acting user as well as of a named officer.
        "officers_too_few" or "officer_other_agency" or "officer_certificate_invalid" or "officer_already_assigned" or "officer_is_reviewer" => "officers",
        "hearing_notice_too_late" => "hearing",
        "hearing_chair_investigator" => "chair",
        var c when c.StartsWith("instalments_", StringComparison.Ordinal) => "instalments",
        "extension_days_invalid" => "days",
        _ => null,
    } : null;
}
