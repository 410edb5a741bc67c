using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A chat line, to its audience.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ChatMessageInfo : NotificationInfo
{
    /// <summary>The user who wrote it.</summary>
    [DataMember(Order = 0)] public string From { get; set; } = "";

    /// <summary>Everyone, Party, Whisper or GameMaster.</summary>
    [DataMember(Order = 1)] public string Audience { get; set; } = "";

    [DataMember(Order = 2)] public string Text { get; set; } = "";
}
