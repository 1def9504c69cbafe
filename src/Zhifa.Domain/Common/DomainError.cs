namespace Zhifa.Domain.Common;

/// <summary>
/// An expected failure: a stable machine-readable <paramref name="Code"/> (e.g. "resident_id.check_digit")
/// for clients and tests, and a Chinese <paramref name="Message"/> shown to users as is.
/// </summary>
public sealed record DomainError(string Code, string Message);
