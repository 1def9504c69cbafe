namespace Zhifa.Domain.Common;

/// <summary>An expected failure: a stable machine code and a Chinese message for the user.</summary>
public sealed record DomainError(string Code, string Message);
