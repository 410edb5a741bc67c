namespace Ikosa.ServiceModel.Framing;

/// <summary>The message encoding net.tcp sessions use, sent as a known encoding byte or as a content type.</summary>
public static class ContentTypes
{
    public const string BinarySession = "application/soap+msbinsession1";
    public const byte BinarySessionKnownEncoding = 0x08;

    /// <summary>True for <c>03 08</c> and for <c>04</c> with the same content type spelled out (CoreWCF treats them alike).</summary>
    public static bool IsBinarySession(FramingRecord encodingRecord) => encodingRecord.Type switch
    {
        FramingRecordType.KnownEncoding => encodingRecord.Value == BinarySessionKnownEncoding,
        FramingRecordType.ExtensibleEncoding => string.Equals(encodingRecord.Text?.Trim(), BinarySession, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
