using System.Diagnostics.CodeAnalysis;

namespace Zhifa.Domain.Common;

/// <summary>The outcome of an operation that can fail in an expected way: a value or a <see cref="DomainError"/>.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failure is a bug, hence an exception.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure and has no value: {Error.Code} {Error.Message}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(DomainError error) => Fail(error);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error.Code}: {Error.Message})";
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);

    public static Result<T> Fail<T>(DomainError error) => Result<T>.Fail(error);

    public static Result<T> Fail<T>(string code, string message) => Result<T>.Fail(new DomainError(code, message));
}
