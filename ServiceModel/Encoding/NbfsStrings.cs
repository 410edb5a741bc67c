using System.Xml;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Well-known strings of the static dictionary, as its own <see cref="XmlDictionaryString"/>s, so a binary writer
/// refers to them by ID (a string with the same text from another dictionary would go into the session table).
/// </summary>
public static class NbfsStrings
{
    public static XmlDictionaryString MustUnderstand { get; } = NbfsStaticDictionary.Get(0x00);
    public static XmlDictionaryString Envelope { get; } = NbfsStaticDictionary.Get(0x02);
    public static XmlDictionaryString Soap12Namespace { get; } = NbfsStaticDictionary.Get(0x04);
    public static XmlDictionaryString AddressingNamespace { get; } = NbfsStaticDictionary.Get(0x06);
    public static XmlDictionaryString Header { get; } = NbfsStaticDictionary.Get(0x08);
    public static XmlDictionaryString Action { get; } = NbfsStaticDictionary.Get(0x0A);
    public static XmlDictionaryString To { get; } = NbfsStaticDictionary.Get(0x0C);
    public static XmlDictionaryString Body { get; } = NbfsStaticDictionary.Get(0x0E);
    public static XmlDictionaryString RelatesTo { get; } = NbfsStaticDictionary.Get(0x12);
    public static XmlDictionaryString Anonymous { get; } = NbfsStaticDictionary.Get(0x14);
    public static XmlDictionaryString MessageId { get; } = NbfsStaticDictionary.Get(0x1A);
    public static XmlDictionaryString Address { get; } = NbfsStaticDictionary.Get(0x2A);
    public static XmlDictionaryString ReplyTo { get; } = NbfsStaticDictionary.Get(0x2C);

    // SOAP 1.2 fault elements.
    public static XmlDictionaryString Fault { get; } = NbfsStaticDictionary.Get(0x86);
    public static XmlDictionaryString Code { get; } = NbfsStaticDictionary.Get(0x8E);
    public static XmlDictionaryString Reason { get; } = NbfsStaticDictionary.Get(0x90);
    public static XmlDictionaryString Text { get; } = NbfsStaticDictionary.Get(0x92);
    public static XmlDictionaryString Detail { get; } = NbfsStaticDictionary.Get(0x98);
    public static XmlDictionaryString Value { get; } = NbfsStaticDictionary.Get(0x9A);
    public static XmlDictionaryString Subcode { get; } = NbfsStaticDictionary.Get(0x9C);

    public static XmlDictionaryString AddressingFaultAction { get; } = NbfsStaticDictionary.Get(0xC6);
    public static XmlDictionaryString XmlSchemaInstanceNamespace { get; } = NbfsStaticDictionary.Get(0x372);
}
