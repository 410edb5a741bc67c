using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>The proof of a login: other channels present the ticket once to bind their session to the user.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TicketInfo
{
    [DataMember(Order = 0)] public string Ticket { get; set; } = "";

    [DataMember(Order = 1)] public string UserName { get; set; } = "";

    [DataMember(Order = 2)] public bool IsMaster { get; set; }

    /// <summary>The serial of the last commit when the ticket was issued or resumed.</summary>
    [DataMember(Order = 3)] public long Serial { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class UserInfo
{
    [DataMember(Order = 0)] public string Name { get; set; } = "";

    [DataMember(Order = 1)] public bool IsMaster { get; set; }

    [DataMember(Order = 2)] public bool IsOnline { get; set; }

    [DataMember(Order = 3)] public bool IsDisabled { get; set; }
}

/// <summary>A character the user may play, and who plays it now.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CharacterInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    [DataMember(Order = 2)] public string? PlayedBy { get; set; }
}

public enum ChatAudience
{
    Everyone,
    Party,
    Whisper,
    GameMaster,
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ChatInfo
{
    [DataMember(Order = 0)] public ChatAudience Audience { get; set; }

    /// <summary>The user whispered to, for <see cref="ChatAudience.Whisper"/>.</summary>
    [DataMember(Order = 1)] public string? To { get; set; }

    [DataMember(Order = 2)] [MaxLength(2000)] public string Text { get; set; } = "";
}
