namespace Ikosa.ServiceModel.Framing;

/// <summary>The framing faults of [MC-NMF]; see <see cref="FramingFaults"/> for their URIs.</summary>
public enum FramingFault
{
    ContentTypeInvalid,
    ContentTypeTooLong,
    ConnectionDispatchFailed,
    EndpointNotFound,
    EndpointUnavailable,
    MaxMessageSizeExceeded,
    ServerTooBusy,
    ServiceActivationFailed,
    UnsupportedMode,
    UnsupportedVersion,
    UpgradeInvalid,
    ViaTooLong,
}
