using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Encodes raw events in PostgreSQL's binary COPY format (documented with the COPY command: signature, flags and
/// header extension, then per row a field count and each field as a length and its bytes, −1 for NULL, and a −1
/// trailer), in the column order of <see cref="AnalyticsRollupSql.CopyEvents"/>. The writer streams it through
/// Npgsql's raw binary COPY: Npgsql's row importer resolved and wrote every field through its own async call, and that
/// was over half of the writer's CPU (profile in docs/performance.md).
/// </summary>
internal static class AnalyticsCopyFormat
{
    private const short FieldCount = 12;
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static void WriteHeader(IBufferWriter<byte> output)
    {
        var header = output.GetSpan(19);
        Signature.CopyTo(header);
        BinaryPrimitives.WriteInt64BigEndian(header[11..], 0); // flags, then the header extension's length
        output.Advance(19);
    }

    public static void WriteTrailer(IBufferWriter<byte> output) => WriteInt16(output, -1);

    public static void WriteRow(IBufferWriter<byte> output, in AnalyticsBatchEvent row)
    {
        var e = row.Event;
        WriteInt16(output, FieldCount);
        WriteUuid(output, row.WorkspaceId);
        WriteUuid(output, row.WebsiteId);
        WriteTimestamp(output, e.At);
        WriteLength(output, 2);
        WriteInt16(output, (short)e.Kind);
        WriteText(output, e.Path);
        WriteText(output, e.ReferrerHost);
        WriteText(output, e.UtmSource);
        WriteText(output, e.UtmMedium);
        WriteText(output, e.UtmCampaign);
        WriteText(output, e.Device);
        WriteText(output, e.Browser);
        if (row.VisitorHash is { } hash)
        {
            WriteLength(output, 8);
            BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), hash);
            output.Advance(8);
        }
        else
        {
            WriteLength(output, -1);
        }
    }

    private static void WriteUuid(IBufferWriter<byte> output, Guid value)
    {
        WriteLength(output, 16);
        // PostgreSQL's uuid is the RFC 4122 byte order, which is Guid's big-endian form.
        value.TryWriteBytes(output.GetSpan(16), bigEndian: true, out _);
        output.Advance(16);
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    private static void WriteTimestamp(IBufferWriter<byte> output, DateTimeOffset value)
    {
        WriteLength(output, 8);
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), Math.DivRem(value.UtcTicks - PostgresEpochTicks, TimeSpan.TicksPerMicrosecond, out var rest) - (rest < 0 ? 1 : 0));
        output.Advance(8);
    }

    private static void WriteText(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            WriteLength(output, -1);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLength(output, length);
        Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    private static void WriteLength(IBufferWriter<byte> output, int length)
    {
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), length);
        output.Advance(4);
    }

    private static void WriteInt16(IBufferWriter<byte> output, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(output.GetSpan(2), value);
        output.Advance(2);
    }
}
