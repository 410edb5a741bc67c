using System.Collections.Concurrent;
using System.Runtime.Serialization;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Encoding;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Turns one operation's calls into messages and back, with wrapped DataContractSerializer bodies exactly as WCF
/// writes them: <c>&lt;Op xmlns=ns&gt;&lt;param/&gt;…&lt;/Op&gt;</c> for requests and
/// <c>&lt;OpResponse&gt;&lt;OpResult/&gt;out/ref…&lt;/OpResponse&gt;</c> for replies. Thread-safe.
/// </summary>
public sealed class OperationFormatter
{
    private readonly OperationDescription operation;
    private readonly XmlDictionaryString wrapperName;
    private readonly XmlDictionaryString responseName;
    private readonly XmlDictionaryString contractNamespace;
    private readonly string resultElementName;
    private readonly OperationPart[] inputParts;
    private readonly OperationPart[] replyParts;
    private readonly object?[] defaultArguments;
    private readonly ConcurrentDictionary<Type, DataContractSerializer> faultSerializers = new();

    internal OperationFormatter(OperationDescription operation)
    {
        this.operation = operation;
        // The body's names, made once: the binary writer sends each to the peer once per session, as WCF's formatter does.
        var names = new XmlDictionary();
        wrapperName = names.Add(operation.Name);
        responseName = names.Add(operation.Name + "Response");
        contractNamespace = names.Add(operation.ContractNamespace);
        resultElementName = operation.Name + "Result";
        var parameterParts = operation.Parameters
            .Select(parameter => new OperationPart(names, parameter.Name, contractNamespace, parameter.Type, parameter.Position, operation.SerializerSettings))
            .ToArray();
        inputParts = parameterParts.Where(part => operation.Parameters[part.Index].IsInput).ToArray();
        var outputParts = parameterParts.Where(part => operation.Parameters[part.Index].IsOutput).ToArray();
        var resultPart = operation.ReturnType == typeof(void)
            ? null
            : new OperationPart(names, resultElementName, contractNamespace, operation.ReturnType, -1, operation.SerializerSettings);
        replyParts = resultPart is null ? outputParts : [resultPart, .. outputParts];
        defaultArguments = operation.Parameters.Select(parameter => DefaultValue(parameter.Type)).ToArray();
    }

    private string Namespace => operation.ContractNamespace;

    /// <summary>The request message (Action and body) for a call; reads the in and ref arguments.</summary>
    public Message SerializeRequest(object?[] arguments)
    {
        CheckArgumentCount(arguments);
        var values = new object?[inputParts.Length];
        for (var i = 0; i < inputParts.Length; i++)
        {
            var parameter = operation.Parameters[inputParts[i].Index];
            values[i] = CheckValue(parameter.Name, parameter.Type, arguments[parameter.Position]);
        }
        return new Message(operation.Action, CreateBody(wrapperName, inputParts, values));
    }

    /// <summary>
    /// The arguments of a received request, sized to all parameters: in/ref values as sent, out parameters and
    /// missing values at their defaults. A body that does not fit throws <see cref="DeserializationFailed"/>'s fault,
    /// ready to be sent back as it is.
    /// </summary>
    public object?[] DeserializeRequest(Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = (object?[])defaultArguments.Clone();
        try
        {
            var values = ReadWrapped(request.Body.GetReader(), wrapperName, inputParts);
            for (var i = 0; i < inputParts.Length; i++)
            {
                if (values[i] is { } value)
                    arguments[inputParts[i].Index] = value;
            }
            return arguments;
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw DeserializationFailed(operation.Name, error);
        }
        finally
        {
            (request.Body as ReceivedMessageBody)?.Recycle();
        }
    }

    /// <summary>
    /// WCF's answer to a request body it cannot read (its NetDispatcherFaultException): Sender / a:DeserializationFailed
    /// in the dispatcher namespace, the dispatcher fault action, and the formatter's reason. The session goes on.
    /// </summary>
    internal static FaultException DeserializationFailed(string operationName, Exception error) => new(
        $"The formatter threw an exception while trying to deserialize the message: Error in deserializing body of request message for operation '{operationName}'. {error.Message}",
        FaultCode.CreateSenderFaultCode(FaultNames.DeserializationFailed, FaultNames.DispatcherNamespace),
        FaultNames.DispatcherFaultAction,
        error);

    /// <summary>The reply message (ReplyAction and body) for a completed two-way call; reads out and ref arguments.</summary>
    public Message SerializeReply(object? result, object?[] arguments)
    {
        if (operation.IsOneWay)
            throw new InvalidOperationException($"Operation '{operation.Name}' is one-way; it has no reply.");
        CheckArgumentCount(arguments);
        var values = new object?[replyParts.Length];
        for (var i = 0; i < replyParts.Length; i++)
        {
            var part = replyParts[i];
            values[i] = part.Index < 0
                ? CheckValue(resultElementName, operation.ReturnType, result)
                : CheckValue(operation.Parameters[part.Index].Name, part.Type, arguments[part.Index]);
        }
        return new Message(operation.ReplyAction, CreateBody(responseName, replyParts, values));
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

        object?[] values;
        try
        {
            values = ReadWrapped(reader, responseName, replyParts);
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw ReplyError(error);
        }
        finally
        {
            (reply.Body as ReceivedMessageBody)?.Recycle();
        }
        // Only now that the whole reply is read: a bad reply leaves the caller's arguments untouched.
        var result = DefaultValue(operation.ReturnType);
        for (var i = 0; i < replyParts.Length; i++)
        {
            var part = replyParts[i];
            var value = values[i] ?? DefaultValue(part.Type);
            if (part.Index < 0)
                result = value;
            else
                arguments[part.Index] = value;
        }
        return result;
    }

    /// <summary>The serializer for a fault detail type, with this operation's known types and resolver.</summary>
    internal DataContractSerializer GetFaultSerializer(Type detailType) =>
        faultSerializers.GetOrAdd(detailType, type => new DataContractSerializer(type, operation.SerializerSettings()));

    /// <summary>
    /// A body writing <c>&lt;wrapper&gt;part*&lt;/wrapper&gt;</c>. Unless every value is one that cannot fail to
    /// write, it is tried once here, so a value the serializer refuses fails in the caller and not in the encoder.
    /// </summary>
    private MessageBody CreateBody(XmlDictionaryString wrapper, OperationPart[] parts, object?[] values)
    {
        void Write(XmlDictionaryWriter writer)
        {
            writer.WriteStartElement(string.Empty, wrapper, contractNamespace);
            for (var i = 0; i < parts.Length; i++)
                parts[i].Write(writer, values[i]);
            writer.WriteEndElement();
        }
        var safe = true;
        for (var i = 0; i < parts.Length && safe; i++)
            safe = parts[i].CannotFailToWrite(values[i]);
        if (!safe)
            BodyValidation.CheckWrites(Write);
        return MessageBody.FromWriter(Write);
    }

    /// <summary>
    /// Reads <c>&lt;wrapper&gt;part*&lt;/wrapper&gt;</c>, matching parts by name: the values in the order of
    /// <paramref name="parts"/>, null for a part not sent. Unknown and repeated parts are skipped.
    /// </summary>
    private object?[] ReadWrapped(XmlDictionaryReader reader, XmlDictionaryString wrapper, OperationPart[] parts)
    {
        var values = new object?[parts.Length];
        reader.MoveToContent();
        if (!reader.IsStartElement(wrapper, contractNamespace))
            throw new SerializationException(
                $"Expecting element '{wrapper.Value}' from namespace '{Namespace}', found {DescribeNode(reader)}.");
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return values;
        }
        reader.ReadStartElement();
        var seen = new bool[parts.Length];
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var found = FindPart(parts, reader);
            if (found < 0 || seen[found])
            {
                reader.Skip();
                continue;
            }
            seen[found] = true;
            values[found] = parts[found].Read(reader) ?? DefaultValue(parts[found].Type);
        }
        reader.ReadEndElement();
        return values;
    }

    private static int FindPart(OperationPart[] parts, XmlDictionaryReader reader)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].IsNamed(reader))
                return i;
        }
        return -1;
    }

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
