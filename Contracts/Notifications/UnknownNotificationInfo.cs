using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// A notification whose contract this client does not know (a rule package's it was not built with): its kind and
/// entities are read, and its own fields are kept as they came (<see cref="ExtensionData"/>). The host also sends one
/// for a notification it has no contract for.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class UnknownNotificationInfo : NotificationInfo, IExtensibleDataObject
{
    public ExtensionDataObject? ExtensionData { get; set; }

    public override string ToString() => $"unknown notification of kind {Kind}";
}
