namespace Ikosa.ServiceModel;

/// <summary>The life cycle of a channel or host, as WCF names it.</summary>
public enum CommunicationState
{
    Created,
    Opening,
    Opened,
    Closing,
    Closed,
    Faulted,
}
