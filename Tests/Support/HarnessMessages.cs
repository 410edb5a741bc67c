using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;

namespace Ikosa.Tests.Support;

/// <summary>
/// Messages of the recorded echo session's contract (namespace urn:harness), built the way a WCF formatter
/// writes them: element names from the contract's own XmlDictionary, so they go into the session table.
/// </summary>
public static class HarnessMessages
{
    public const string Namespace = "urn:harness";
    public const string Anonymous = "http://www.w3.org/2005/08/addressing/anonymous";
    public const string ServiceAddress = "net.tcp://127.0.0.1:8089/echo";
    public const string DispatcherNamespace = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // Never added to (so shared safely between tests): the session writer keys strings by text, not by dictionary entry.
    private static readonly XmlDictionary Names = new();
    private static readonly XmlDictionaryString Ns = Name(Namespace);
    private static readonly XmlDictionaryString XsiNamespace = Name("http://www.w3.org/2001/XMLSchema-instance");

    public static string ActionOf(string operation) => $"{Namespace}/IEchoService/{operation}";

    /// <summary>A request whose wrapper element is <paramref name="operation"/> and whose parts are ints or strings.</summary>
    public static Message Request(string operation, params (string Name, object Value)[] parts) =>
        new(ActionOf(operation), Wrapper(operation, parts));

    public static Message TwoWayRequest(Guid messageId, string operation, params (string Name, object Value)[] parts)
    {
        var message = Request(operation, parts);
        message.MessageId = new UniqueId(messageId);
        message.ReplyTo = Anonymous;
        message.To = ServiceAddress;
        return message;
    }

    public static Message Reply(Guid relatesTo, string operation, object result)
    {
        var message = new Message(ActionOf(operation + "Response"), Wrapper(operation + "Response", (operation + "Result", result)))
        {
            RelatesTo = new UniqueId(relatesTo),
            To = Anonymous,
        };
        return message;
    }

    /// <summary>FaultException&lt;HarnessFault&gt; as CoreWCF sends it (compare the capture's server envelope #56).</summary>
    public static Message HarnessFault(Guid relatesTo, string reason, int code, string detail) =>
        new(ActionOf("FailHarnessFaultFault"), MessageBody.FromWriter(w =>
        {
            StartFault(w, "Sender", reason);
            w.WriteStartElement("s", NbfsStrings.Detail, NbfsStrings.Soap12Namespace);
            w.WriteStartElement(Name("HarnessFault"), Ns);
            w.WriteXmlnsAttribute("i", XsiNamespace);
            WritePart(w, "Code", code);
            WritePart(w, "Detail", detail);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }, isFault: true))
        {
            RelatesTo = new UniqueId(relatesTo),
            To = Anonymous,
        };

    /// <summary>The InternalServiceFault a service without IncludeExceptionDetailInFaults sends (the capture's server envelope #58).</summary>
    public static Message InternalServiceFault(Guid relatesTo, string reason) =>
        new(DispatcherNamespace + "/fault", MessageBody.FromWriter(w =>
        {
            w.WriteStartElement("s", NbfsStrings.Fault, NbfsStrings.Soap12Namespace);
            w.WriteStartElement("s", NbfsStrings.Code, NbfsStrings.Soap12Namespace);
            w.WriteStartElement("s", NbfsStrings.Value, NbfsStrings.Soap12Namespace);
            w.WriteQualifiedName("Receiver", NbfsStrings.Soap12Namespace.Value);
            w.WriteEndElement();
            w.WriteStartElement("s", NbfsStrings.Subcode, NbfsStrings.Soap12Namespace);
            w.WriteStartElement("s", NbfsStrings.Value, NbfsStrings.Soap12Namespace);
            w.WriteXmlnsAttribute("a", DispatcherNamespace);
            w.WriteQualifiedName("InternalServiceFault", DispatcherNamespace);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            WriteReason(w, reason);
            w.WriteEndElement();
        }, isFault: true))
        {
            RelatesTo = new UniqueId(relatesTo),
            To = Anonymous,
        };

    private static void StartFault(XmlDictionaryWriter w, string code, string reason)
    {
        w.WriteStartElement("s", NbfsStrings.Fault, NbfsStrings.Soap12Namespace);
        w.WriteStartElement("s", NbfsStrings.Code, NbfsStrings.Soap12Namespace);
        w.WriteStartElement("s", NbfsStrings.Value, NbfsStrings.Soap12Namespace);
        w.WriteQualifiedName(code, NbfsStrings.Soap12Namespace.Value);
        w.WriteEndElement();
        w.WriteEndElement();
        WriteReason(w, reason);
    }

    private static void WriteReason(XmlDictionaryWriter w, string reason)
    {
        w.WriteStartElement("s", NbfsStrings.Reason, NbfsStrings.Soap12Namespace);
        w.WriteStartElement("s", NbfsStrings.Text, NbfsStrings.Soap12Namespace);
        w.WriteAttributeString("xml", "lang", XmlNamespace, "");
        w.WriteString(reason);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static XmlDictionaryString Name(string value) => new(Names, value, 0);

    private static MessageBody Wrapper(string wrapper, params (string Name, object Value)[] parts) => MessageBody.FromWriter(w =>
    {
        w.WriteStartElement(Name(wrapper), Ns);
        foreach (var (name, value) in parts)
            WritePart(w, name, value);
        w.WriteEndElement();
    });

    private static void WritePart(XmlDictionaryWriter w, string name, object value)
    {
        w.WriteStartElement(Name(name), Ns);
        if (value is int number)
            w.WriteValue(number);
        else
            w.WriteString((string)value);
        w.WriteEndElement();
    }
}
