using System.Runtime.Serialization;
using Ikosa.Contracts;

namespace Ikosa.Rules.Shove;

/// <summary>
/// What clients receive for <see cref="Shoved"/>: the package's own data contract, in the package's own namespace. A
/// client built without this package receives it as an UnknownNotificationInfo of kind "Shoved".
/// </summary>
[DataContract(Namespace = "urn:ikosa:rules:shove")]
public sealed class ShovedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Shover { get; set; }

    [DataMember(Order = 1)] public Guid Target { get; set; }

    /// <summary>False: the target held its ground (it won the check, or something stood behind it).</summary>
    [DataMember(Order = 2)] public bool Moved { get; set; }

    /// <summary>Where the target stands after the shove.</summary>
    [DataMember(Order = 3)] public PointInfo At { get; set; } = new();
}
