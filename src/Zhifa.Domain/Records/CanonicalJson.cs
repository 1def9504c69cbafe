using System.Globalization;
using System.Text;
using System.Text.Json;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Records;

/// <summary>
/// The one canonical JSON form of the full-process record (ADR-006), so that the same content always hashes to the
/// same bytes:
/// <list type="bullet">
/// <item>no whitespace outside strings;</item>
/// <item>object members sorted by name, ordinally by UTF-16 code unit (as RFC 8785); a duplicate name is refused;</item>
/// <item>strings: <c>"</c> and <c>\</c> escaped as <c>\"</c> and <c>\\</c>; U+0008, U+0009, U+000A, U+000C, U+000D as
/// <c>\b \t \n \f \r</c>; other characters below U+0020 as <c>\u00xx</c> (lowercase hex); everything else as itself,
/// and the text is UTF-8; a lone surrogate is refused;</item>
/// <item>numbers: read as a decimal (28 significant digits) and written without exponent, trailing zeros or a
/// leading plus (<c>1.50</c> → <c>1.5</c>, <c>1e3</c> → <c>1000</c>, <c>-0</c> → <c>0</c>); a number outside the
/// decimal range is refused;</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> as themselves.</item>
/// </list>
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The canonical form of <paramref name="json"/>, or why it has none.</summary>
    public static Result<string> Canonicalize(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException ex)
        {
            return Invalid($"不是有效的 JSON:{ex.Message}");
        }
        using (doc)
        {
            var sb = new StringBuilder(json.Length);
            var error = Write(doc.RootElement, sb);
            return error is null ? sb.ToString() : error;
        }
    }

    /// <summary>Serializes <paramref name="value"/> with System.Text.Json (camelCase names) and canonicalizes it.</summary>
    public static string From<T>(T value) =>
        Canonicalize(JsonSerializer.Serialize(value, Web)) is { IsSuccess: true } r
            ? r.Value
            : throw new InvalidOperationException("A serialized value has no canonical form (a number beyond decimal range?)");

    /// <summary>Appends <paramref name="s"/> as a canonical JSON string (quotes included).</summary>
    public static void WriteString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case < ' ': sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }

    private static DomainError? Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var p in e.EnumerateObject())
                {
                    if (HasLoneSurrogate(p.Name))
                        return Invalid("属性名含有不成对的代理字符");
                    members.Add((p.Name, p.Value));
                }
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                sb.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                            return Invalid($"属性\"{members[i].Name}\"重复");
                        sb.Append(',');
                    }
                    WriteString(members[i].Name, sb);
                    sb.Append(':');
                    if (Write(members[i].Value, sb) is { } error)
                        return error;
                }
                sb.Append('}');
                return null;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first)
                        sb.Append(',');
                    first = false;
                    if (Write(item, sb) is { } error)
                        return error;
                }
                sb.Append(']');
                return null;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = e.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return Invalid("字符串含有不成对的代理字符");
                }
                if (HasLoneSurrogate(text))
                    return Invalid("字符串含有不成对的代理字符");
                WriteString(text, sb);
                return null;
            case JsonValueKind.Number:
                if (!decimal.TryParse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return Invalid($"数值 {e.GetRawText()} 超出范围");
                sb.Append(FormatNumber(d));
                return null;
            case JsonValueKind.True: sb.Append("true"); return null;
            case JsonValueKind.False: sb.Append("false"); return null;
            default: sb.Append("null"); return null;
        }
    }

    internal static string FormatNumber(decimal d) =>
        d == 0m ? "0" : d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            else if (char.IsSurrogate(s[i]))
                return true;
        }
        return false;
    }

    private static DomainError Invalid(string why) => new("record.content_invalid", $"记录内容{why}");
}
