using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// The outcome of a check a master asked for ("Listen check"): to the masters, and to the creature's controller only
/// when its difficulty was not secret.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CheckResolvedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public string Check { get; set; } = "";

    [DataMember(Order = 2)] public int Total { get; set; }

    [DataMember(Order = 3)] public int Difficulty { get; set; }

    [DataMember(Order = 4)] public bool Succeeded { get; set; }

    [DataMember(Order = 5)] public bool Secret { get; set; }
}
