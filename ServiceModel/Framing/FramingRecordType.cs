namespace Ikosa.ServiceModel.Framing;

/// <summary>The first byte of every [MC-NMF] record.</summary>
public enum FramingRecordType : byte
{
    Version = 0,
    Mode = 1,
    Via = 2,
    KnownEncoding = 3,
    ExtensibleEncoding = 4,
    UnsizedEnvelope = 5,
    SizedEnvelope = 6,
    End = 7,
    Fault = 8,
    UpgradeRequest = 9,
    UpgradeResponse = 0xA,
    PreambleAck = 0xB,
    PreambleEnd = 0xC,
}
