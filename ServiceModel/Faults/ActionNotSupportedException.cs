namespace Ikosa.ServiceModel;

/// <summary>The receiver has no operation for the message's Action (the ActionNotSupported fault).</summary>
public class ActionNotSupportedException : CommunicationException
{
    public ActionNotSupportedException(string message) : base(message) { }

    public ActionNotSupportedException(string message, Exception? innerException) : base(message, innerException) { }
}
