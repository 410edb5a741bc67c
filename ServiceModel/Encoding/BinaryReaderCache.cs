using System.Xml;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Binary XML readers kept per thread for reuse. A reader costs kilobytes (node, namespace and name tables), so
/// keeping one per session would cost every idle session that much, and making one per message costs time and
/// garbage; a few per thread serve every session that thread decodes for.
/// </summary>
internal static class BinaryReaderCache
{
    private const int PerThread = 2;

    [ThreadStatic]
    private static XmlDictionaryReader?[]? t_readers;

    private static readonly XmlDictionaryReaderQuotas IdleQuotas = new();

    /// <summary>A reader over <paramref name="count"/> bytes of <paramref name="buffer"/>, with the static dictionary and <paramref name="session"/>.</summary>
    public static XmlDictionaryReader Rent(byte[] buffer, int offset, int count, XmlDictionaryReaderQuotas quotas, XmlBinaryReaderSession session)
    {
        var readers = t_readers;
        if (readers is not null)
        {
            for (var i = 0; i < readers.Length; i++)
            {
                if (readers[i] is { } reader)
                {
                    readers[i] = null;
                    ((IXmlBinaryReaderInitializer)reader).SetInput(buffer, offset, count, NbfsStaticDictionary.Dictionary, quotas, session, onClose: null);
                    return reader;
                }
            }
        }
        return XmlDictionaryReader.CreateBinaryReader(buffer, offset, count, NbfsStaticDictionary.Dictionary, quotas, session);
    }

    /// <summary>Takes back a reader nobody uses any more; it forgets its message and session, so it keeps neither alive.</summary>
    public static void Return(XmlDictionaryReader reader)
    {
        ((IXmlBinaryReaderInitializer)reader).SetInput([], 0, 0, NbfsStaticDictionary.Dictionary, IdleQuotas, session: null, onClose: null);
        var readers = t_readers ??= new XmlDictionaryReader?[PerThread];
        for (var i = 0; i < readers.Length; i++)
        {
            if (readers[i] is null)
            {
                readers[i] = reader;
                return;
            }
        }
    }
}
