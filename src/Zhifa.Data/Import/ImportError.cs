namespace Zhifa.Data.Import;

/// <summary>One refused value: printed as <c>file:line: column: reason</c> (exchange-format.md).</summary>
public sealed record ImportError(string File, long Line, string Column, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Column}: {Reason}";
}

/// <summary>Receives errors as they are found, so a file with a million bad rows is never held in memory.</summary>
public interface IImportErrorSink
{
    void Report(ImportError error);
    int Count { get; }
}

public sealed class ListErrorSink : IImportErrorSink
{
    public List<ImportError> Errors { get; } = [];
    public int Count => Errors.Count;
    public void Report(ImportError error) => Errors.Add(error);
}

/// <summary>Progress of the file being read: bytes read of its size, and rows so far.</summary>
public sealed record ImportProgress(string File, long BytesRead, long TotalBytes, long Rows);
