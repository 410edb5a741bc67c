using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// Everything one committed write told one client, sent after the commit. Serials grow with every commit, so a gap
/// means batches were missed; <see cref="Refetch"/> says the client missed too much and must fetch its state anew;
/// <see cref="Notice"/> marks a host notice outside the numbered stream. Its items are the typed notifications below
/// (the known types); a rule package's own arrive as their own contracts, or as <see cref="UnknownNotificationInfo"/>
/// to a client that does not know them (see <see cref="NotificationResolver"/>).
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
[KnownType(typeof(UnknownNotificationInfo))]
[KnownType(typeof(AttackResolvedInfo))]
[KnownType(typeof(ChatMessageInfo))]
[KnownType(typeof(CheckResolvedInfo))]
[KnownType(typeof(CombatChangedInfo))]
[KnownType(typeof(CreatureAppearedInfo))]
[KnownType(typeof(CreatureDisappearedInfo))]
[KnownType(typeof(CreatureMovedInfo))]
[KnownType(typeof(DiceRolledInfo))]
[KnownType(typeof(HitPointsChangedInfo))]
[KnownType(typeof(MapChangedInfo))]
[KnownType(typeof(MovementStoppedInfo))]
[KnownType(typeof(PlayersChangedInfo))]
[KnownType(typeof(PresenceChangedInfo))]
[KnownType(typeof(ProcessEndedInfo))]
[KnownType(typeof(PromptAnsweredInfo))]
[KnownType(typeof(PromptWaitingInfo))]
[KnownType(typeof(SpellCastInfo))]
[KnownType(typeof(StepFailedInfo))]
[KnownType(typeof(SystemEventInfo))]
[KnownType(typeof(TurnStartedInfo))]
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
