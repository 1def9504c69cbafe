using System.Diagnostics.CodeAnalysis;
using Zhifa.Domain.Common;

namespace Zhifa.Web;

/// <summary>How an expected failure is reported: the HTTP status of api.md, or the form field on a page.</summary>
public enum FailureKind
{
    Invalid,     // 400, errors keyed by field
    Forbidden,   // 403, outside the caller's role
    NotFound,    // 404, unknown or in another agency (never revealed)
    Conflict,    // 409, duplicate number or stale version
    RuleBroken,  // 422, a legal or domain rule refuses it
    TooLarge,    // 413, an upload over the configured size limit
}

public sealed record AppError(FailureKind Kind, string Code, string Message, string? Field = null)
{
    /// <summary>Every invalid field with its messages, when more than one field is wrong.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static AppError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "request.invalid", string.Join(";", errors.SelectMany(e => e.Value)), errors.Keys.First()) { Errors = errors };

    public static AppError Invalid(string field, string code, string message) => new(FailureKind.Invalid, code, message, field);
    public static AppError Forbidden(string message) => new(FailureKind.Forbidden, "auth.forbidden", message);
    public static AppError NotFound(string code, string message) => new(FailureKind.NotFound, code, message);
    public static AppError Conflict(string code, string message, string? field = null) => new(FailureKind.Conflict, code, message, field);
    public static AppError Rule(DomainError e) => new(FailureKind.RuleBroken, e.Code, e.Message);
}

/// <summary>A value or an <see cref="AppError"/>, returned by the application services both API and pages call.</summary>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, AppError? error)
    {
        _value = value;
        Error = error;
    }

    public AppError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Outcome is a failure: {Error.Code}");

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(AppError error) => new(default, error);
}

public static class OutcomeHttp
{
    /// <summary>200 with the value, or the problem details of the failure.</summary>
    public static IResult ToHttp<T>(this Outcome<T> outcome) =>
        outcome.IsSuccess ? Results.Ok(outcome.Value) : Problems.From(outcome.Error);
}
