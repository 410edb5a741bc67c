using System.Collections.Concurrent;
using System.Runtime.Serialization;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>Exceptions to SOAP 1.2 fault messages (server side) and fault messages back to exceptions (client side), as WCF maps them.</summary>
public static class FaultConverter
{
    private static readonly ConcurrentDictionary<Type, DataContractSerializer> PlainDetailSerializers = new();

    /// <summary>
    /// The fault message for an exception a service operation threw:
    /// <see cref="FaultException{TDetail}"/> gets its declared fault action and the detail in <c>s:Detail</c>;
    /// <see cref="FaultException"/> its code and reason with the default fault action; anything else the
    /// InternalServiceFault (Receiver), with an <see cref="ExceptionDetail"/> when <paramref name="includeExceptionDetail"/>.
    /// After an InternalServiceFault WCF aborts the session; <see cref="IsSessionFatal"/> says so.
    /// </summary>
    public static Message CreateFault(Exception error, OperationDescription? operation, bool includeExceptionDetail)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return CreateFaultFor(error, operation, includeExceptionDetail);
        }
        catch (Exception unwritable) when (unwritable is SerializationException or InvalidDataContractException or ArgumentException or XmlException)
        {
            // The detail or reason cannot be written: the client learns of an internal error rather than of nothing.
            return CreateFaultMessage(FaultNames.DispatcherFaultAction, InternalServiceFaultCode, FaultNames.InternalServiceFaultReason, writeDetail: null);
        }
    }

    /// <summary>True when WCF ends the session after sending the fault for <paramref name="error"/> (unhandled exceptions).</summary>
    public static bool IsSessionFatal(Exception error) => error is not (FaultException or ActionNotSupportedException);

    /// <summary>Sender / a:ActionNotSupported with WCF's "ContractFilter mismatch" reason.</summary>
    public static Message CreateActionNotSupportedFault(string action) =>
        CreateFaultMessage(
            FaultNames.AddressingFaultAction,
            FaultCode.CreateSenderFaultCode(FaultNames.ActionNotSupported, FaultNames.AddressingNamespace),
            FaultNames.ActionNotSupportedReason(action),
            writeDetail: null);

    /// <summary>Sender / a:DestinationUnreachable with WCF's "AddressFilter mismatch" reason.</summary>
    public static Message CreateDestinationUnreachableFault(string to) =>
        CreateFaultMessage(
            FaultNames.AddressingFaultAction,
            FaultCode.CreateSenderFaultCode(FaultNames.DestinationUnreachable, FaultNames.AddressingNamespace),
            FaultNames.DestinationUnreachableReason(to),
            writeDetail: null);

    /// <summary>
    /// s:MustUnderstand for headers the receiver does not process; the reason names the first header. (WCF also lists
    /// them as s:NotUnderstood headers, which <see cref="Message"/> cannot carry; clients do not need them.)
    /// </summary>
    public static Message CreateMustUnderstandFault(IEnumerable<(string Name, string Namespace)> notUnderstood)
    {
        ArgumentNullException.ThrowIfNull(notUnderstood);
        var headers = notUnderstood.ToList();
        if (headers.Count == 0)
            throw new ArgumentException("A MustUnderstand fault needs at least one header that was not understood.", nameof(notUnderstood));
        return CreateFaultMessage(
            FaultNames.DefaultFaultAction,
            new FaultCode(FaultNames.MustUnderstand, FaultNames.Soap12Namespace),
            FaultNames.MustUnderstandReason(headers[0].Name, headers[0].Namespace),
            writeDetail: null);
    }

    /// <summary>
    /// The exception a fault reply stands for: <see cref="FaultException{TDetail}"/> when the detail is one of the
    /// operation's fault contracts (or an <see cref="ExceptionDetail"/>); <see cref="ActionNotSupportedException"/>,
    /// <see cref="EndpointNotFoundException"/> (DestinationUnreachable), <see cref="ProtocolException"/> (MustUnderstand);
    /// else <see cref="FaultException"/>. A malformed fault gives a <see cref="ProtocolException"/>; this never throws.
    /// </summary>
    public static Exception ReadFault(Message fault, OperationDescription? operation)
    {
        ArgumentNullException.ThrowIfNull(fault);
        try
        {
            return ReadFault(fault.Body.GetReader(), fault.Action, operation);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new ProtocolException($"The fault message (Action '{fault.Action}') could not be read: {error.Message}", error);
        }
    }

    internal static Exception ReadFault(XmlDictionaryReader reader, string? action, OperationDescription? operation)
    {
        ReceivedFault received;
        try
        {
            received = FaultReader.Read(reader, DetailCandidates(operation));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new ProtocolException($"The fault message (Action '{action}') is malformed: {error.Message}", error);
        }

        if (received.DetailType is { } detailType)
            return CreateTypedFaultException(detailType, received, action);
        if (received.HasSubCode(FaultNames.ActionNotSupported, FaultNames.AddressingNamespace))
            return new ActionNotSupportedException(received.Reason);
        if (received.HasSubCode(FaultNames.DestinationUnreachable, FaultNames.AddressingNamespace))
            return new EndpointNotFoundException(received.Reason);
        if (received.Code.IsPredefinedFault && received.Code.Name == FaultNames.MustUnderstand)
            return new ProtocolException(received.Reason);
        return new FaultException(received.Reason, received.Code, action);
    }

    private static Message CreateFaultFor(Exception error, OperationDescription? operation, bool includeExceptionDetail)
    {
        switch (error)
        {
            case FaultException { DetailType: { } detailType } typed:
                var serializer = DetailSerializer(detailType, operation);
                var detail = typed.DetailObject;
                var action = typed.Action ?? operation?.FindFault(detailType)?.Action ?? FaultNames.DefaultFaultAction;
                return CreateFaultMessage(action, typed.Code, typed.Reason, writer => serializer.WriteObject(writer, detail));
            case FaultException plain:
                return CreateFaultMessage(plain.Action ?? FaultNames.DefaultFaultAction, plain.Code, plain.Reason, writeDetail: null);
            case ActionNotSupportedException notSupported:
                return CreateFaultMessage(
                    FaultNames.AddressingFaultAction,
                    FaultCode.CreateSenderFaultCode(FaultNames.ActionNotSupported, FaultNames.AddressingNamespace),
                    notSupported.Message,
                    writeDetail: null);
            default:
                return CreateInternalServiceFault(error, includeExceptionDetail);
        }
    }

    private static FaultCode InternalServiceFaultCode =>
        FaultCode.CreateReceiverFaultCode(FaultNames.InternalServiceFault, FaultNames.DispatcherNamespace);

    private static Message CreateInternalServiceFault(Exception error, bool includeExceptionDetail)
    {
        var code = InternalServiceFaultCode;
        if (!includeExceptionDetail)
            return CreateFaultMessage(FaultNames.DispatcherFaultAction, code, FaultNames.InternalServiceFaultReason, writeDetail: null);
        var detail = new ExceptionDetail(error);
        var serializer = DetailSerializer(typeof(ExceptionDetail), operation: null);
        return CreateFaultMessage(FaultNames.DispatcherFaultAction, code, error.Message, writer => serializer.WriteObject(writer, detail));
    }

    private static Message CreateFaultMessage(string action, FaultCode code, string reason, Action<XmlDictionaryWriter>? writeDetail)
    {
        void Write(XmlDictionaryWriter writer) => FaultWriter.Write(writer, code, reason, writeDetail);
        BodyValidation.CheckWrites(Write);
        return new Message(action, MessageBody.FromWriter(Write, isFault: true));
    }

    private static DataContractSerializer DetailSerializer(Type detailType, OperationDescription? operation) =>
        operation is not null
            ? operation.Formatter.GetFaultSerializer(detailType)
            : PlainDetailSerializers.GetOrAdd(detailType, type => new DataContractSerializer(type));

    /// <summary>The operation's declared detail types, then ExceptionDetail (which any WCF client recognises).</summary>
    private static IEnumerable<(Type, DataContractSerializer)> DetailCandidates(OperationDescription? operation)
    {
        foreach (var fault in operation?.Faults ?? [])
            yield return (fault.DetailType, DetailSerializer(fault.DetailType, operation));
        yield return (typeof(ExceptionDetail), DetailSerializer(typeof(ExceptionDetail), operation: null));
    }

    private static Exception CreateTypedFaultException(Type detailType, ReceivedFault received, string? action)
    {
        var exceptionType = typeof(FaultException<>).MakeGenericType(detailType);
        var constructor = exceptionType.GetConstructor([detailType, typeof(string), typeof(FaultCode), typeof(string)])!;
        return (Exception)constructor.Invoke([received.Detail, received.Reason, received.Code, action]);
    }
}
