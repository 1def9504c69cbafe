using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Domain.Records;

/// <summary>
/// How an entry is hashed (ADR-006). The canonical form of an entry is the UTF-8 bytes of the canonical JSON object
/// <code>{"actor":A,"chain":C,"content":J,"kind":K,"occurredAt":"yyyy-MM-ddTHH:mm:ss.fffZ","sequence":S}</code>
/// with the members in that (sorted) order, no whitespace, strings escaped as in <see cref="CanonicalJson"/>, C and S
/// as decimal integers, J the stored canonical content as it is, and the time in UTC with milliseconds.
/// The hash is the lowercase hex of SHA-256(previous hash as 32 bytes ‖ canonical form); the first entry's previous
/// hash is <see cref="GenesisHash"/> (32 zero bytes).
/// </summary>
public static class RecordChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The chain of imported batches: no case has id 0.</summary>
    public const long SystemChain = 0;

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>UTC, whole milliseconds: what SQLite text and PostgreSQL timestamptz both give back unchanged.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>The canonical form of an entry, as text (the hash covers its UTF-8 bytes).</summary>
    public static string CanonicalForm(RecordEntry e)
    {
        var sb = new StringBuilder(e.Content.Length + e.Actor.Length + e.Kind.Length + 128);
        sb.Append("{\"actor\":");
        CanonicalJson.WriteString(e.Actor, sb);
        sb.Append(",\"chain\":").Append(e.ChainKey.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"content\":").Append(e.Content);
        sb.Append(",\"kind\":");
        CanonicalJson.WriteString(e.Kind, sb);
        sb.Append(",\"occurredAt\":\"").Append(e.OccurredAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        sb.Append("\",\"sequence\":").Append(e.Sequence.ToString(CultureInfo.InvariantCulture)).Append('}');
        return sb.ToString();
    }

    /// <summary>The hash an entry must have given its stored previous hash and fields; "" (which matches no stored hash) when the previous hash is not 64 hex digits.</summary>
    public static string ComputeHash(RecordEntry e)
    {
        var form = CanonicalForm(e);
        var length = 32 + Encoding.UTF8.GetMaxByteCount(form.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!TryDecodeHash(e.PreviousHash, buffer.AsSpan(0, 32)))
                return "";
            var written = Encoding.UTF8.GetBytes(form, buffer.AsSpan(32));
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, 32 + written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when <paramref name="hex"/> is 64 lowercase hex digits (the only stored form).</summary>
    public static bool IsHash(string? hex) =>
        hex is { Length: 64 } && hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static bool TryDecodeHash(string hex, Span<byte> into)
    {
        if (!IsHash(hex))
            return false;
        Convert.FromHexString(hex, into, out _, out var written);
        return written == 32;
    }
}
