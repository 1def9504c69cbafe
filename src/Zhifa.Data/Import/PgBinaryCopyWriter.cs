using System.Buffers.Binary;
using System.Text;

namespace Zhifa.Data.Import;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (the "Binary Format" section of the COPY documentation) into a
/// buffer that is flushed to a stream: a raw COPY stream, or a chunk in memory that is copied in later. It does
/// what Npgsql's <c>NpgsqlBinaryImporter</c> does for the few types the import writes, without resolving a type
/// handler for every value — per value that resolution cost more than the server's work for the row.
/// </summary>
internal sealed class PgBinaryCopyWriter(Stream output)
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>The file header: signature, flags (no OIDs) and an empty header extension.</summary>
    public void Header()
    {
        Ensure(Signature.Length + 8);
        Signature.CopyTo(_buffer, _used);
        _used += Signature.Length;
        Int32Raw(0);
        Int32Raw(0);
    }

    public void StartRow(short fields)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fields);
        _used += 2;
    }

    public void Null()
    {
        Ensure(4);
        Int32Raw(-1);
    }

    public void Int64(long value)
    {
        Ensure(12);
        Int32Raw(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void Int64(long? value)
    {
        if (value is { } v) Int64(v); else Null();
    }

    public void Int32(int value)
    {
        Ensure(8);
        Int32Raw(4);
        Int32Raw(value);
    }

    /// <summary>text and varchar share the binary form: the UTF-8 bytes.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        Int32Raw(length);
        _used += length;
    }

    /// <summary>date: days since 2000-01-01 as a 32-bit integer.</summary>
    public void Date(DateOnly? value)
    {
        if (value is not { } d)
        {
            Null();
            return;
        }
        Ensure(8);
        Int32Raw(4);
        Int32Raw(d.DayNumber - PostgresEpochDay);
    }

    /// <summary>The trailer (a field count of -1) and the last flush.</summary>
    public void Trailer()
    {
        StartRow(-1);
        Flush();
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void Int32Raw(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    private void Ensure(int bytes)
    {
        if (bytes > _buffer.Length)
            throw new InvalidOperationException($"a COPY value of {bytes} bytes is larger than the buffer");
        if (_used + bytes > _buffer.Length)
            Flush();
    }
}
