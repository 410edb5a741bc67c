using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// What every notification has: its kind (the engine's name for it, e.g. "CreatureMoved") and the ids of the entities it
/// concerns, for a client to refetch. Each kind is its own data contract deriving from this one, with typed fields.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public abstract class NotificationInfo
{
    [DataMember(Order = 0)] public string Kind { get; set; } = "";

    [DataMember(Order = 1)] public List<Guid> Entities { get; set; } = new();
}
