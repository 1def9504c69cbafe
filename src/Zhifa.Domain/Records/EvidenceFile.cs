namespace Zhifa.Domain.Records;

/// <summary>The kinds of evidence an officer records (照片、录音、录像、文书、其他).</summary>
public enum EvidenceKind
{
    Photo,
    Audio,
    Video,
    Document,
    Other,
}

public static class EvidenceKinds
{
    private static readonly (EvidenceKind Kind, string Code, string Name)[] Table =
    [
        (EvidenceKind.Photo, "photo", "照片"),
        (EvidenceKind.Audio, "audio", "录音"),
        (EvidenceKind.Video, "video", "录像"),
        (EvidenceKind.Document, "document", "文书"),
        (EvidenceKind.Other, "other", "其他"),
    ];

    /// <summary>The code used in the API and the record (<c>photo</c>).</summary>
    public static string Code(this EvidenceKind kind) => Table.First(t => t.Kind == kind).Code;

    public static string ToChinese(this EvidenceKind kind) => Table.First(t => t.Kind == kind).Name;

    /// <summary>Accepts the code (<c>photo</c>) or the Chinese name (<c>照片</c>).</summary>
    public static bool TryParse(string? text, out EvidenceKind kind)
    {
        var t = text?.Trim();
        foreach (var row in Table)
        {
            if (string.Equals(row.Code, t, StringComparison.OrdinalIgnoreCase) || row.Name == t)
            {
                kind = row.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string Choices => string.Join("、", Table.Select(t => $"{t.Code}({t.Name})"));
}

/// <summary>
/// A stored evidence file of a case (photo, audio, video, document): its name, type, size and SHA-256, where the
/// evidence store keeps it, and the record entry (<c>evidence.added</c>) that vouches for those values.
/// </summary>
public sealed class EvidenceFile
{
    public const int MaxFileNameLength = 255;
    public const int MaxContentTypeLength = 127;
    public const int MaxDescriptionLength = 1000;

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public EvidenceKind Kind { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    /// <summary>The sequence of the <c>evidence.added</c> entry in the case's chain.</summary>
    public long RecordSequence { get; private set; }

    /// <summary>
    /// The penalty case's evidence item (调查取证) the file is attached to, by its position (1-based), once the step that
    /// recorded the item named the file; null until then. The step's record entry lists the files it attached.
    /// </summary>
    public int? EvidenceItem { get; private set; }

    /// <summary>The kind of the record entry that vouches for an evidence file.</summary>
    public const string RecordKind = "evidence.added";

    private EvidenceFile() { }

    /// <summary>The content of the <c>evidence.added</c> entry: what the file must still be.</summary>
    public static string RecordContent(string fileName, string contentType, long size, string sha256, EvidenceKind kind, string? description) =>
        CanonicalJson.From(new { fileName, contentType, size, sha256, kind = kind.Code(), description });

    /// <summary>True when the entry content names this file's name, size and SHA-256 (the columns the audit trusts).</summary>
    public static bool IsDescribedBy(string content, string fileName, long size, string sha256)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(content);
            var root = doc.RootElement;
            return root.ValueKind == System.Text.Json.JsonValueKind.Object
                   && root.TryGetProperty("fileName", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String && n.GetString() == fileName
                   && root.TryGetProperty("size", out var z) && z.TryGetInt64(out var zs) && zs == size
                   && root.TryGetProperty("sha256", out var h) && h.ValueKind == System.Text.Json.JsonValueKind.String && h.GetString() == sha256;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public EvidenceFile(long caseId, string fileName, string contentType, long size, string sha256, string storageKey,
        EvidenceKind kind, string? description, DateTimeOffset recordedAt, string recordedBy, long recordSequence)
    {
        CaseId = caseId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        Kind = kind;
        Description = description;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        RecordSequence = recordSequence;
    }

    /// <summary>The id the database gave the row (written with plain SQL inside the record's transaction).</summary>
    public void AssignId(long id)
    {
        if (Id != 0)
            throw new InvalidOperationException($"Evidence file {Id} already has an id");
        Id = id;
    }
}
