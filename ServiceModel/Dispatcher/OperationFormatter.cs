using System.Collections.Concurrent;
using System.Runtime.Serialization;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Turns one operation's calls into messages and back, with wrapped DataContractSerializer bodies exactly as WCF
/// writes them: <c>&lt;Op xmlns=ns&gt;&lt;param/&gt;…&lt;/Op&gt;</c> for requests and
/// <c>&lt;OpResponse&gt;&lt;OpResult/&gt;out/ref…&lt;/OpResponse&gt;</c> for replies. Thread-safe.
/// </summary>
public sealed class OperationFormatter
{
    private readonly OperationDescription operation;
    private readonly Lazy<DataContractSerializer[]> parameterSerializers;
    private readonly Lazy<DataContractSerializer?> resultSerializer;
    private readonly Lazy<BodyPart[]> requestParts;
    private readonly Lazy<BodyPart[]> replyParts;
    private readonly object?[] defaultArguments;
    private readonly ConcurrentDictionary<Type, DataContractSerializer> faultSerializers = new();

    internal OperationFormatter(OperationDescription operation)
    {
        this.operation = operation;
        parameterSerializers = new(() => operation.Parameters
            .Select(parameter => CreateSerializer(parameter.Type, parameter.Name))
            .ToArray());
        resultSerializer = new(() => operation.ReturnType == typeof(void)
            ? null
            : CreateSerializer(operation.ReturnType, ResultElementName));
        requestParts = new(() => operation.Parameters.Where(parameter => parameter.IsInput)
            .Select(parameter => new BodyPart(parameter.Name, parameter.Position, parameter.Type, parameterSerializers.Value[parameter.Position]))
            .ToArray());
        replyParts = new(() =>
        {
            var result = resultSerializer.Value is { } serializer
                ? new[] { new BodyPart(ResultElementName, ResultIndex, operation.ReturnType, serializer) }
                : [];
            return result.Concat(operation.Parameters.Where(parameter => parameter.IsOutput)
                    .Select(parameter => new BodyPart(parameter.Name, parameter.Position, parameter.Type, parameterSerializers.Value[parameter.Position])))
                .ToArray();
        });
        // Boxed defaults are immutable, so one array of them can be copied for every call.
        defaultArguments = operation.Parameters.Select(parameter => DefaultValue(parameter.Type)).ToArray();
    }

    private const int ResultIndex = -1;

    /// <summary>One element of a wrapped body: its name, where its value goes (a parameter position or the result) and its serializer.</summary>
    private sealed record BodyPart(string Name, int Index, Type Type, DataContractSerializer Serializer);

    private string Namespace => operation.ContractNamespace;

    private string ResponseElementName => operation.Name + "Response";

    private string ResultElementName => operation.Name + "Result";

    /// <summary>The request message (Action and body) for a call; reads the in and ref arguments.</summary>
    public Message SerializeRequest(object?[] arguments)
    {
        CheckArgumentCount(arguments);
        var inputs = operation.Parameters.Where(parameter => parameter.IsInput)
            .Select(parameter => (parameter, value: CheckValue(parameter.Name, parameter.Type, arguments[parameter.Position])))
            .ToArray();
        var serializers = parameterSerializers.Value;
        void Write(XmlDictionaryWriter writer)
        {
            writer.WriteStartElement(string.Empty, operation.Name, Namespace);
            foreach (var (parameter, value) in inputs)
                serializers[parameter.Position].WriteObject(writer, value);
            writer.WriteEndElement();
        }
        BodyValidation.CheckWrites(Write);
        return new Message(operation.Action, MessageBody.FromWriter(Write));
    }

    /// <summary>
    /// The arguments of a received request, sized to all parameters: in/ref values as sent, out parameters and
    /// missing values at their defaults. A body that does not fit throws a <see cref="FaultException"/>
    /// (Sender / DeserializationFailed), ready to be sent back as it is.
    /// </summary>
    public object?[] DeserializeRequest(Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = (object?[])defaultArguments.Clone();
        try
        {
            var parts = requestParts.Value;
            var values = ReadWrapped(request.Body.GetReader(), operation.Name, parts);
            for (var i = 0; i < parts.Length; i++)
                if (values[i] is { } value)
                    arguments[parts[i].Index] = value.Value;
            return arguments;
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw new FaultException(
                $"The formatter threw an exception while trying to deserialize the message: Error in deserializing body of request message for operation '{operation.Name}'. {error.Message}",
                FaultCode.CreateSenderFaultCode(FaultNames.DeserializationFailed, FaultNames.DispatcherNamespace),
                action: null,
                error);
        }
    }

    /// <summary>The reply message (ReplyAction and body) for a completed two-way call; reads out and ref arguments.</summary>
    public Message SerializeReply(object? result, object?[] arguments)
    {
        if (operation.IsOneWay)
            throw new InvalidOperationException($"Operation '{operation.Name}' is one-way; it has no reply.");
        CheckArgumentCount(arguments);
        var hasResult = operation.ReturnType != typeof(void);
        var checkedResult = hasResult ? CheckValue(ResultElementName, operation.ReturnType, result) : null;
        var outputs = operation.Parameters.Where(parameter => parameter.IsOutput)
            .Select(parameter => (parameter, value: CheckValue(parameter.Name, parameter.Type, arguments[parameter.Position])))
            .ToArray();
        var serializers = parameterSerializers.Value;
        var resultWriter = resultSerializer.Value;
        void Write(XmlDictionaryWriter writer)
        {
            writer.WriteStartElement(string.Empty, ResponseElementName, Namespace);
            resultWriter?.WriteObject(writer, checkedResult);
            foreach (var (parameter, value) in outputs)
                serializers[parameter.Position].WriteObject(writer, value);
            writer.WriteEndElement();
        }
        BodyValidation.CheckWrites(Write);
        return new Message(operation.ReplyAction, MessageBody.FromWriter(Write));
    }

    /// <summary>
    /// The result of a reply; out/ref values are stored into <paramref name="arguments"/>. A fault reply is thrown as
    /// the exception <see cref="FaultConverter.ReadFault"/> gives; an unreadable body as <see cref="CommunicationException"/>.
    /// </summary>
    public object? DeserializeReply(Message reply, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(reply);
        CheckArgumentCount(arguments);
        XmlDictionaryReader reader;
        try
        {
            reader = reply.Body.GetReader();
            reader.MoveToContent();
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw ReplyError(error);
        }
        if (reply.IsFault || reader.IsStartElement("Fault", FaultNames.Soap12Namespace))
            throw FaultConverter.ReadFault(reader, reply.Action, operation);

        var parts = replyParts.Value;
        ReadValue?[] values;
        try
        {
            values = ReadWrapped(reader, ResponseElementName, parts);
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw ReplyError(error);
        }
        // Only now that the whole reply is read: a bad reply leaves the caller's arguments untouched.
        var result = DefaultValue(operation.ReturnType);
        for (var i = 0; i < parts.Length; i++)
        {
            var value = values[i] is { } read ? read.Value : DefaultValue(parts[i].Type);
            if (parts[i].Index == ResultIndex)
                result = value;
            else
                arguments[parts[i].Index] = value;
        }
        return result;
    }

    /// <summary>The serializer for a fault detail type, with this operation's known types.</summary>
    internal DataContractSerializer GetFaultSerializer(Type detailType) =>
        faultSerializers.GetOrAdd(detailType, type => new DataContractSerializer(type, operation.KnownTypes.Count == 0 ? null : operation.KnownTypes));

    // No known types list at all when there are none: DCS sets up a per-call known-types context for any list, even an empty one.
    private DataContractSerializer CreateSerializer(Type type, string elementName) =>
        new(type, elementName, Namespace, operation.KnownTypes.Count == 0 ? null : operation.KnownTypes);

    /// <summary>
    /// Reads <c>&lt;wrapper&gt;part*&lt;/wrapper&gt;</c>: the value of each of <paramref name="parts"/>, matched by name
    /// (null where the part is missing). Unknown and repeated elements are skipped.
    /// </summary>
    private ReadValue?[] ReadWrapped(XmlDictionaryReader reader, string wrapperName, BodyPart[] parts)
    {
        var values = new ReadValue?[parts.Length];
        reader.MoveToContent();
        if (!reader.IsStartElement(wrapperName, Namespace))
            throw new SerializationException(
                $"Expecting element '{wrapperName}' from namespace '{Namespace}', found {DescribeNode(reader)}.");
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return values;
        }
        reader.ReadStartElement();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var index = FindPart(parts, reader.LocalName, reader.NamespaceURI);
            if (index < 0 || values[index] is not null)
            {
                reader.Skip();
                continue;
            }
            var part = parts[index];
            values[index] = new ReadValue(part.Serializer.ReadObject(reader, verifyObjectName: false) ?? DefaultValue(part.Type));
        }
        reader.ReadEndElement();
        return values;
    }

    private int FindPart(BodyPart[] parts, string localName, string ns)
    {
        if (ns != Namespace)
            return -1;
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Name == localName)
                return i;
        return -1;
    }

    /// <summary>A value read from a body (which may itself be null, unlike a missing part).</summary>
    private sealed record ReadValue(object? Value);

    private void CheckArgumentCount(object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != operation.Parameters.Count)
            throw new ArgumentException(
                $"Operation '{operation.Name}' takes {operation.Parameters.Count} arguments ({string.Join(", ", operation.Parameters)}); {arguments.Length} were given.",
                nameof(arguments));
    }

    private object? CheckValue(string name, Type type, object? value)
    {
        if (value is null)
        {
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
                throw new ArgumentException($"Operation '{operation.Name}': '{name}' is null, but {type.Name} cannot be null.");
            return null;
        }
        if (!type.IsInstanceOfType(value))
            throw new ArgumentException($"Operation '{operation.Name}': '{name}' must be a {type.Name}, not a {value.GetType().Name}.");
        return value;
    }

    private CommunicationException ReplyError(Exception error) =>
        new($"Error in deserializing body of reply message for operation '{operation.Name}'. {error.Message}", error);

    internal static object? DefaultValue(Type type) =>
        type.IsValueType && type != typeof(void) ? Activator.CreateInstance(type) : null;

    internal static bool IsReadError(Exception error) =>
        error is XmlException or SerializationException or InvalidCastException or FormatException or OverflowException
            or InvalidOperationException or ArgumentException;

    private static string DescribeNode(XmlReader reader) =>
        reader.NodeType == XmlNodeType.Element
            ? $"element '{reader.LocalName}' from namespace '{reader.NamespaceURI}'"
            : $"node {reader.NodeType}";
}
