namespace Zhifa.Data.Import;

/// <summary>A column of an exchange-format file: its Chinese header and whether a value is required.</summary>
public sealed record CsvColumn(string Header, bool Required);

/// <summary>
/// Streams one exchange-format CSV file (UTF-8, optional BOM, RFC 4180) record by record, after checking its
/// header row against the file's columns: unknown, repeated and missing required columns are errors.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamReader _reader;
    private readonly Rfc4180Reader _parser;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _row = [];

    public string FileName { get; }
    public long Line { get; private set; }
    public long Length => _stream.Length;
    public long Position => _stream.Position;
    public bool HeaderOk { get; private set; }

    private CsvTable(string path)
    {
        FileName = Path.GetFileName(path);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _reader = new StreamReader(_stream, new System.Text.UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        _parser = new Rfc4180Reader(_reader);
    }

    public static CsvTable Open(string path, IReadOnlyList<CsvColumn> columns, IImportErrorSink errors)
    {
        var table = new CsvTable(path);
        table.ReadHeader(columns, errors);
        return table;
    }

    private void ReadHeader(IReadOnlyList<CsvColumn> columns, IImportErrorSink errors)
    {
        var before = errors.Count;
        if (!_parser.Read())
        {
            errors.Report(new ImportError(FileName, 1, "表头", "文件为空,第一行应为列名"));
            return;
        }
        var headers = _parser.Fields;
        var known = columns.ToDictionary(c => c.Header, StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (!known.ContainsKey(header))
                errors.Report(new ImportError(FileName, 1, header.Length == 0 ? $"第{i + 1}列" : header,
                    $"未知列\"{header}\"。允许的列:{string.Join("、", columns.Select(c => c.Header))}"));
            else if (!_index.TryAdd(header, i))
                errors.Report(new ImportError(FileName, 1, header, "列名重复"));
        }
        foreach (var c in columns.Where(c => c.Required && !_index.ContainsKey(c.Header)))
            errors.Report(new ImportError(FileName, 1, c.Header, "缺少必填列"));
        HeaderOk = errors.Count == before;
    }

    /// <summary>Moves to the next record; <see cref="Line"/> is the physical line it starts on.</summary>
    public bool Read()
    {
        while (_parser.Read())
        {
            Line = _parser.StartLine;
            _row = _parser.Fields;
            if (_row.Count == 1 && _row[0].Length == 0)
                continue; // a blank line (e.g. a trailing newline pair) is not a record
            return true;
        }
        return false;
    }

    public int FieldCount => _row.Count;

    /// <summary>Why the current record is not well-formed CSV, or null.</summary>
    public string? Malformed => _parser.Malformed ?? (_row.Count > _index.Count ? $"字段数为{_row.Count},多于表头的{_index.Count}列" : null);

    public bool HasColumn(string header) => _index.ContainsKey(header);

    /// <summary>The position of a column in this file's header, or -1 when the file has no such column.</summary>
    public int ColumnIndex(string header) => _index.GetValueOrDefault(header, -1);

    /// <summary>The trimmed value of a column, or null when the column is absent or the cell empty.</summary>
    public string? this[string header] => Cell(ColumnIndex(header));

    /// <summary>The trimmed value at a position from <see cref="ColumnIndex"/>: a large file's rows skip the name lookup.</summary>
    public string? Cell(int i)
    {
        if (i < 0 || i >= _row.Count)
            return null;
        var v = _row[i];
        if (v.Length == 0)
            return null;
        v = v.Trim();
        return v.Length == 0 ? null : v;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
