using System.Buffers.Binary;
using System.Text;
using System.Xml;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Reads the start of an envelope and its header block straight from the [MC-NBFX] bytes, when they have the shape WCF
/// and this runtime write: <c>s:Envelope</c> declaring its prefixes from the dictionary, then only the addressing headers
/// Action, MessageID, RelatesTo, ReplyTo (an address alone) and To, each once, with dictionary, UTF-8 or UniqueId text.
/// Anything else (another header, another record kind, a byte out of place) makes it decline, and the general XML
/// reader reads the envelope instead and says what is wrong: this is a shortcut for the common case, never a second
/// opinion on what is valid.
/// </summary>
internal ref struct HeaderBlockScanner
{
    // [MC-NBFX] record types.
    private const byte EndElement = 0x01;
    private const byte FirstAttributeRecord = 0x04;
    private const byte DictionaryXmlnsAttribute = 0x0B;
    private const byte PrefixDictionaryAttributeA = 0x0C;
    private const byte PrefixDictionaryAttributeZ = 0x25;
    private const byte LastAttributeRecord = 0x3F;
    private const byte PrefixDictionaryElementA = 0x44;
    private const byte PrefixDictionaryElementZ = 0x5D;
    private const byte ZeroText = 0x80;
    private const byte OneText = 0x82;
    private const byte FalseText = 0x84;
    private const byte TrueText = 0x86;
    private const byte Chars8TextWithEndElement = 0x99;
    private const byte Chars16TextWithEndElement = 0x9B;
    private const byte Chars32TextWithEndElement = 0x9D;
    private const byte DictionaryTextWithEndElement = 0xAB;
    private const byte UniqueIdTextWithEndElement = 0xAD;

    private const int NoNamespace = -1;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly XmlBinaryReaderSession _session;
    private readonly int _maxStringContentLength;

    // The namespace each single-letter prefix declared on s:Envelope stands for, as a static dictionary key.
    private readonly Span<int> _prefixes;
    private int _position;
    private int _prologLength;

    private HeaderBlockScanner(ReadOnlySpan<byte> bytes, XmlBinaryReaderSession session, XmlDictionaryReaderQuotas quotas, Span<int> prefixes)
    {
        _bytes = bytes;
        _session = session;
        _maxStringContentLength = quotas.MaxStringContentLength;
        _prefixes = prefixes;
        _prefixes.Fill(NoNamespace);
    }

    /// <summary>
    /// True when <paramref name="envelope"/> has the common shape. <paramref name="prologLength"/> is the length of the
    /// envelope's start record with its namespace declarations; <paramref name="bodyOffset"/> is where <c>s:Body</c> starts.
    /// A text longer than <paramref name="quotas"/> allow is declined, so the XML reader refuses it as it would anyway.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> envelope, XmlBinaryReaderSession session, XmlDictionaryReaderQuotas quotas,
        out EnvelopeHeaders? headers, out int prologLength, out int bodyOffset)
    {
        var scanner = new HeaderBlockScanner(envelope, session, quotas, stackalloc int[26]);
        headers = null;
        prologLength = 0;
        bodyOffset = 0;
        try
        {
            if (!scanner.TryReadEnvelopeStart() || !scanner.TryReadHeaders(out headers))
                return false;
            prologLength = scanner._prologLength;
            bodyOffset = scanner._position;
            return scanner.TryReadElement(out var ns, out var name) && ns == NbfsStrings.Soap12Namespace.Key && name == NbfsStrings.Body.Key;
        }
        catch (Exception error) when (error is FramingException or DecoderFallbackException)
        {
            // A malformed size or string: the general reader will say so.
            return false;
        }
    }

    private bool TryReadEnvelopeStart()
    {
        if (!TryPeek(out var record) || !IsPrefixDictionaryElement(record))
            return false;
        var prefix = record - PrefixDictionaryElementA;
        _position++;
        if (!TryReadStaticKey(out var name) || name != NbfsStrings.Envelope.Key)
            return false;
        while (TryPeek(out record) && record == DictionaryXmlnsAttribute)
        {
            _position++;
            if (!TryReadByte(out var length) || length != 1 || !TryReadByte(out var letter) || letter is < (byte)'a' or > (byte)'z')
                return false;
            if (_prefixes[letter - 'a'] != NoNamespace || !TryReadStaticKey(out var ns))
                return false;
            _prefixes[letter - 'a'] = ns;
        }
        if ((TryPeek(out record) && IsAttribute(record)) || _prefixes[prefix] != NbfsStrings.Soap12Namespace.Key)
            return false;
        _prologLength = _position;
        return TryReadElement(out var headerNs, out var header) && headerNs == NbfsStrings.Soap12Namespace.Key && header == NbfsStrings.Header.Key
            && TryPeek(out record) && !IsAttribute(record);
    }

    private bool TryReadHeaders(out EnvelopeHeaders? headers)
    {
        headers = null;
        string? action = null, replyTo = null, to = null;
        UniqueId? messageId = null, relatesTo = null;
        while (true)
        {
            if (!TryPeek(out var record))
                return false;
            if (record == EndElement)
            {
                _position++;
                break;
            }
            if (!TryReadElement(out var ns, out var name) || ns != NbfsStrings.AddressingNamespace.Key || !TrySkipMustUnderstand())
                return false;
            // A repeated header is left to the general reader, which refuses it.
            bool read;
            if (name == NbfsStrings.Action.Key)
                read = action is null && TryReadText(out action);
            else if (name == NbfsStrings.To.Key)
                read = to is null && TryReadText(out to);
            else if (name == NbfsStrings.MessageId.Key)
                read = messageId is null && TryReadUniqueId(out messageId);
            else if (name == NbfsStrings.RelatesTo.Key)
                read = relatesTo is null && TryReadUniqueId(out relatesTo);
            else if (name == NbfsStrings.ReplyTo.Key)
                read = replyTo is null && TryReadAddress(out replyTo);
            else
                read = false;
            if (!read)
                return false;
        }
        if (action is null)
            return false;
        headers = new EnvelopeHeaders(action, messageId, relatesTo, replyTo, to, []);
        return true;
    }

    // The addressing headers read here are understood whatever their s:mustUnderstand says, but the value must be one
    // the general reader accepts.
    private bool TrySkipMustUnderstand()
    {
        if (!TryPeek(out var record) || !IsAttribute(record))
            return true;
        if (record is < PrefixDictionaryAttributeA or > PrefixDictionaryAttributeZ || _prefixes[record - PrefixDictionaryAttributeA] != NbfsStrings.Soap12Namespace.Key)
            return false;
        _position++;
        if (!TryReadStaticKey(out var name) || name != NbfsStrings.MustUnderstand.Key || !TryReadByte(out var value))
            return false;
        return value is ZeroText or OneText or FalseText or TrueText && TryPeek(out record) && !IsAttribute(record);
    }

    private bool TryReadAddress(out string? address)
    {
        address = null;
        return TryReadElement(out var ns, out var name) && ns == NbfsStrings.AddressingNamespace.Key && name == NbfsStrings.Address.Key
            && TryPeek(out var record) && !IsAttribute(record)
            && TryReadText(out address)
            && TryReadByte(out var end) && end == EndElement;
    }

    /// <summary>A text record that also ends its element, the only content of the element.</summary>
    private bool TryReadText(out string? text)
    {
        text = null;
        if (!TryReadByte(out var record))
            return false;
        switch (record)
        {
            case DictionaryTextWithEndElement:
                return TryReadInt31(out var id) && TryLookup(id, out text);
            case Chars8TextWithEndElement:
                return TryReadByte(out var length8) && TryReadUtf8(length8, out text);
            case Chars16TextWithEndElement:
                return TryReadSpan(2, out var length16) && TryReadUtf8(BinaryPrimitives.ReadUInt16LittleEndian(length16), out text);
            case Chars32TextWithEndElement:
                return TryReadSpan(4, out var length32) && TryReadUtf8(BinaryPrimitives.ReadInt32LittleEndian(length32), out text);
            default:
                return false;
        }
    }

    private bool TryReadUniqueId(out UniqueId? value)
    {
        value = null;
        if (!TryReadByte(out var record) || record != UniqueIdTextWithEndElement || !TryReadSpan(16, out var guid))
            return false;
        value = new UniqueId(new Guid(guid));
        return true;
    }

    /// <summary>A PrefixDictionaryElement record whose prefix was declared on the envelope.</summary>
    private bool TryReadElement(out int ns, out int name)
    {
        ns = NoNamespace;
        name = 0;
        if (!TryReadByte(out var record) || !IsPrefixDictionaryElement(record))
            return false;
        ns = _prefixes[record - PrefixDictionaryElementA];
        return ns != NoNamespace && TryReadStaticKey(out name);
    }

    /// <summary>A dictionary ID naming a static string, returned as its XmlDictionary key.</summary>
    private bool TryReadStaticKey(out int key)
    {
        key = 0;
        if (!TryReadInt31(out var id) || (id & 1) != 0 || !NbfsStaticDictionary.Dictionary.TryLookup(id >> 1, out _))
            return false;
        key = id >> 1;
        return true;
    }

    /// <summary>The text of a dictionary ID: even IDs are static strings, odd ones the session's.</summary>
    private readonly bool TryLookup(int id, out string? text)
    {
        XmlDictionaryString? value;
        var found = (id & 1) == 0
            ? NbfsStaticDictionary.Dictionary.TryLookup(id >> 1, out value)
            : _session.TryLookup(id >> 1, out value);
        text = value?.Value;
        return found;
    }

    private bool TryReadUtf8(int length, out string? text)
    {
        text = null;
        // Bytes are at least as many as characters, so a text within the quota in bytes is within it for the XML reader.
        if (length > _maxStringContentLength || !TryReadSpan(length, out var bytes))
            return false;
        text = StrictUtf8.GetString(bytes);
        return true;
    }

    private bool TryReadInt31(out int value)
    {
        if (!MultiByteInt31.TryRead(_bytes[_position..], out value, out var length))
            return false;
        _position += length;
        return true;
    }

    private bool TryReadSpan(int length, out ReadOnlySpan<byte> span)
    {
        span = default;
        if (length < 0 || length > _bytes.Length - _position)
            return false;
        span = _bytes.Slice(_position, length);
        _position += length;
        return true;
    }

    private bool TryReadByte(out byte value)
    {
        var read = TryPeek(out value);
        if (read)
            _position++;
        return read;
    }

    private readonly bool TryPeek(out byte value)
    {
        var inRange = _position < _bytes.Length;
        value = inRange ? _bytes[_position] : (byte)0;
        return inRange;
    }

    private static bool IsPrefixDictionaryElement(byte record) => record is >= PrefixDictionaryElementA and <= PrefixDictionaryElementZ;

    private static bool IsAttribute(byte record) => record is >= FirstAttributeRecord and <= LastAttributeRecord;
}
