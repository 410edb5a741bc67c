namespace Ikosa.ServiceModel;

/// <summary>The session an operation runs in, as seen from inside it (OperationContext.Current.Channel).</summary>
public interface IContextChannel : ICommunicationObject
{
    string SessionId { get; }
}
