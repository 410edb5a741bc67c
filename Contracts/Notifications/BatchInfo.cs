using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// Everything one committed write told one client, sent after the commit. Serials grow with every commit, so a gap
/// means batches were missed; <see cref="Refetch"/> says the client missed too much and must fetch its state anew;
/// <see cref="Notice"/> marks a host notice outside the numbered stream.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class BatchInfo
{
    [DataMember(Order = 0)] public long Serial { get; set; }

    [DataMember(Order = 1)] public List<NotificationInfo> Items { get; set; } = new();

    [DataMember(Order = 2)] public bool Refetch { get; set; }

    /// <summary>
    /// A notice from the host that no commit carries (e.g. "the host cannot save", sent when nothing can be committed):
    /// <see cref="Serial"/> is the last commit's, it does not advance the client's serial, and it is not resent on resume.
    /// </summary>
    [DataMember(Order = 3)] public bool Notice { get; set; }
}

/// <summary>One thing that happened: its kind (e.g. "HitPointsChanged", "PromptWaiting", "Chat"), a readable text and the ids it concerns.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class NotificationInfo
{
    [DataMember(Order = 0)] public string Kind { get; set; } = "";

    [DataMember(Order = 1)] public string Text { get; set; } = "";

    [DataMember(Order = 2)] public List<Guid> Entities { get; set; } = new();

    [DataMember(Order = 3)] public string? From { get; set; }
}
