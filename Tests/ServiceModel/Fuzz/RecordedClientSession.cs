using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// The recorded stock WCF client's side of a session, as framing records, ready to be mutated. The session's End is
/// left off: every fuzz case appends its own End (or stops short and half-closes).
/// </summary>
public sealed record RecordedClientSession(string Name, IReadOnlyList<byte[]> Records)
{
    /// <summary>Connection 1 without its last call (Crash, which ends the session itself); connection 2 (one Echo).</summary>
    public static IReadOnlyList<RecordedClientSession> Load()
    {
        var capture = CaptureFile.LoadStockEchoSession();
        var full = capture.Connections[0].ClientToServer.Records;
        var crash = full.Last(r => r.Type == FramingRecordType.SizedEnvelope);
        return
        [
            new("scenario", full.Where(r => r != crash && r.Type != FramingRecordType.End).Select(r => r.Bytes).ToList()),
            new("fresh echo", capture.Connections[1].ClientToServer.Records.Where(r => r.Type != FramingRecordType.End).Select(r => r.Bytes).ToList()),
        ];
    }

    /// <summary>The records before the first envelope: Version, Mode, Via, KnownEncoding, PreambleEnd.</summary>
    public int PreambleCount => Records.TakeWhile(r => !SizedEnvelope.IsEnvelope(r)).Count();

    /// <summary>Indexes of the SizedEnvelope records.</summary>
    public IReadOnlyList<int> EnvelopeIndexes => Enumerable.Range(0, Records.Count).Where(i => SizedEnvelope.IsEnvelope(Records[i])).ToList();

    /// <summary>Indexes of the envelopes that are two-way requests: they carry a MessageID, so a fault can come back.</summary>
    public IReadOnlyList<int> TwoWayRequestIndexes => EnvelopeIndexes.Where(i => HasMessageId(Records[i])).ToList();

    private const int MessageIdDictionaryId = 0x1A;

    private static bool HasMessageId(byte[] record)
    {
        var xml = SizedEnvelope.Parse(record).Xml;
        return NbfxRecords.Parse(xml).Any(r => r.IsElement && r.HasDictionaryId && r.DictionaryId(xml) == MessageIdDictionaryId);
    }
}
