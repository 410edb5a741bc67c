namespace Ikosa.ServiceModel;

/// <summary>A failure of the communication itself (a socket, a framing fault, a closed session), as WCF raises it.</summary>
public class CommunicationException : Exception
{
    public CommunicationException() { }
    public CommunicationException(string message) : base(message) { }
    public CommunicationException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The peer broke the protocol: malformed framing or encoding, a framing fault such as ContentTypeInvalid.</summary>
public class ProtocolException : CommunicationException
{
    public ProtocolException(string message) : base(message) { }
    public ProtocolException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>No service listens at the address (connection refused, or the EndpointNotFound framing fault).</summary>
public class EndpointNotFoundException : CommunicationException
{
    public EndpointNotFoundException(string message) : base(message) { }
    public EndpointNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The server refused the session because it is at a limit (the ServerTooBusy framing fault).</summary>
public class ServerTooBusyException : CommunicationException
{
    public ServerTooBusyException(string message) : base(message) { }
    public ServerTooBusyException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>A size quota was exceeded (MaxReceivedMessageSize, the session string table).</summary>
public class QuotaExceededException : CommunicationException
{
    public QuotaExceededException(string message) : base(message) { }
    public QuotaExceededException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The channel has faulted and cannot be used; open a new one.</summary>
public class CommunicationObjectFaultedException : CommunicationException
{
    public CommunicationObjectFaultedException(string message) : base(message) { }
    public CommunicationObjectFaultedException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The channel was aborted (locally, or because the connection was lost) while an operation was under way.</summary>
public class CommunicationObjectAbortedException : CommunicationException
{
    public CommunicationObjectAbortedException(string message) : base(message) { }
    public CommunicationObjectAbortedException(string message, Exception? innerException) : base(message, innerException) { }
}
