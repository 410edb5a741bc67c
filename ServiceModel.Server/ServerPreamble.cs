using System.IO.Pipelines;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.ServiceModel.Server;

/// <summary>What a client said before its first message: where it wants to go, how it encodes, which upgrade it asks for.</summary>
internal sealed record ServerPreamble(string Via, FramingRecord Encoding, string? UpgradeProtocol);

/// <summary>
/// Reads a duplex preamble (Version, Mode, Via, encoding, optional upgrade request, PreambleEnd) record by record,
/// checking each as it comes so that a wrong version or mode is refused before the rest arrives.
/// </summary>
internal static class ServerPreambleReader
{
    /// <summary>
    /// Returns the preamble; null when the connection closed cleanly before a new preamble began (the end of a reused
    /// connection). When an upgrade is requested it returns at the upgrade request, before PreambleEnd.
    /// Throws <see cref="FramingException"/> with the fault to send.
    /// </summary>
    public static async Task<ServerPreamble?> ReadAsync(PipeReader input, FramingLimits limits, CancellationToken cancellationToken)
    {
        string? via = null;
        FramingRecord? encoding = null;
        var expected = FramingRecordType.Version;
        var first = true;
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (first && buffer.IsEmpty && result.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                return null;
            }
            first = false;
            try
            {
                while (FramingRecordReader.TryRead(ref buffer, limits, out var record))
                {
                    switch (record.Type)
                    {
                        case FramingRecordType.Version when expected == FramingRecordType.Version:
                            if (record.Value != 1 || record.Minor != 0)
                                throw new FramingException($"Unsupported framing version {record.Value}.{record.Minor}; only 1.0 is spoken.", FramingFault.UnsupportedVersion);
                            expected = FramingRecordType.Mode;
                            break;
                        case FramingRecordType.Mode when expected == FramingRecordType.Mode:
                            if (record.Value != (int)FramingMode.Duplex)
                                throw new FramingException($"Unsupported framing mode {record.Value}; only duplex sessions (2) are served.", FramingFault.UnsupportedMode);
                            expected = FramingRecordType.Via;
                            break;
                        case FramingRecordType.Via when expected == FramingRecordType.Via:
                            via = record.Text;
                            expected = FramingRecordType.KnownEncoding;
                            break;
                        case FramingRecordType.KnownEncoding or FramingRecordType.ExtensibleEncoding when expected == FramingRecordType.KnownEncoding:
                            encoding = record;
                            expected = FramingRecordType.PreambleEnd;
                            break;
                        case FramingRecordType.UpgradeRequest when expected == FramingRecordType.PreambleEnd:
                            input.AdvanceTo(buffer.Start);
                            return new ServerPreamble(via!, encoding!.Value, record.Text);
                        case FramingRecordType.PreambleEnd when expected == FramingRecordType.PreambleEnd:
                            input.AdvanceTo(buffer.Start);
                            return new ServerPreamble(via!, encoding!.Value, null);
                        default:
                            throw new FramingException($"Unexpected framing record {record.Type} in the preamble (expected {expected}).", null);
                    }
                }
            }
            catch
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }
            if (result.IsCompleted)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                throw new FramingException("The connection closed in the middle of the preamble.", null);
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>After an upgrade: the rest of the preamble, inside the secured stream, is PreambleEnd alone.</summary>
    public static async Task ReadPreambleEndAsync(PipeReader input, FramingLimits limits, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (FramingRecordReader.TryRead(ref buffer, limits, out var record))
            {
                input.AdvanceTo(buffer.Start);
                if (record.Type != FramingRecordType.PreambleEnd)
                    throw new FramingException($"Expected PreambleEnd after the upgrade, got {record.Type}.", null);
                return;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
                throw new FramingException("The connection closed before PreambleEnd.", null);
        }
    }
}
