using System.Text;

namespace Zhifa.Data.Import;

/// <summary>
/// A streaming RFC 4180 record reader that knows the physical line each record starts on.
/// Written here rather than taken from CsvHelper: the only version the package mirror serves (34) is a new API
/// without physical line numbers, and the exchange format needs no more than this (ADR-003).
/// </summary>
public sealed class Rfc4180Reader(TextReader reader)
{
    private readonly List<string> _fields = new(16);
    private readonly StringBuilder _field = new(64);
    private readonly char[] _buffer = new char[1 << 16];
    private int _pos, _len;
    private long _line = 1;

    /// <summary>The fields of the current record.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The physical line (1-based) on which the current record starts.</summary>
    public long StartLine { get; private set; }

    /// <summary>Set when the current record had a quote in the wrong place or an unclosed quoted field.</summary>
    public string? Malformed { get; private set; }

    private int Peek()
    {
        if (_pos < _len)
            return _buffer[_pos];
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len == 0 ? -1 : _buffer[0];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
            _pos++;
        return c;
    }

    /// <summary>
    /// An unquoted field, scanned a buffer at a time: most cells of a large file are short and end inside the
    /// buffer, so they become a string straight from it.
    /// </summary>
    private string ReadUnquoted()
    {
        _field.Clear();
        while (true)
        {
            if (Peek() < 0)
                return _field.ToString();
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var end = span.IndexOfAny(Stops);
            if (end < 0)
            {
                _field.Append(span);
                _pos = _len;
                continue;
            }
            if (span[end] == '"')
            {
                Malformed ??= "未加引号的字段中出现引号";
                _field.Append(span[..(end + 1)]);
                _pos += end + 1;
                continue;
            }
            string value;
            if (_field.Length == 0)
                value = new string(span[..end]);
            else
            {
                _field.Append(span[..end]);
                value = _field.ToString();
            }
            _pos += end;
            return value;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create(",\r\n\"");

    public bool Read()
    {
        _fields.Clear();
        Malformed = null;
        if (Peek() < 0)
            return false;
        StartLine = _line;
        while (true)
        {
            _field.Clear();
            var c = Peek();
            if (c == '"')
            {
                Next();
                var closed = false;
                while (true)
                {
                    c = Next();
                    if (c < 0)
                        break;
                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\n')
                        _line++;
                    _field.Append((char)c);
                }
                if (!closed)
                    Malformed = "引号未闭合";
                // Anything between the closing quote and the separator is malformed; keep it to show the user.
                while ((c = Peek()) >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    Malformed ??= "引号后出现多余字符";
                    _field.Append((char)Next());
                }
                _fields.Add(_field.ToString());
            }
            else
            {
                _fields.Add(ReadUnquoted());
            }
            c = Next();
            if (c == ',')
                continue;
            if (c == '\r' && Peek() == '\n')
                Next();
            if (c is '\r' or '\n')
                _line++;
            return true;
        }
    }
}
