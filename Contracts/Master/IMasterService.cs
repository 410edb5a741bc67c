using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>The game master's controls. Every operation is refused to player users.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IMasterCallback), SessionMode = SessionMode.Required)]
public interface IMasterService
{
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task BindAsync(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> SetPausedAsync(bool paused);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> StartCombatAsync(List<Guid> creatures);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> StopCombatAsync();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> AddCombatantsAsync(List<Guid> creatures);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> DropCombatantsAsync(List<Guid> creatures);

    /// <summary>Answers any waiting prompt, whoever it was routed to.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<List<AnswerResultInfo>> AnswerPrerequisitesAsync(List<AnswerInfo> answers);

    /// <summary>Changes a creature; refused when it changed since <see cref="CreatureEditInfo.ExpectedVersion"/>.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<CreatureInfo> EditCreatureAsync(CreatureEditInfo edit);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> AllowPhysicalDiceAsync(string user, bool allowed);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ResultInfo> KickUserAsync(string user);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> DisableUserAsync(string user, bool disabled);

    /// <summary>Copies the committed state to a named snapshot file beside the data file.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> SaveSnapshotAsync(string name);

    /// <summary>Where the game is saved, the free space there, and whether saving works.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<HostStatusInfo> GetHostStatusAsync();

    /// <summary>Makes a new player user, with a one-time code for their first login instead of a password.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<OneTimeCodeInfo> CreatePlayerAsync(string user);

    /// <summary>Replaces a user's password with a one-time code: the old password stops working at once.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<OneTimeCodeInfo> ResetPasswordAsync(string user);

    /// <summary>The invite for a user: how to reach this host and trust its certificate; never a password.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<InviteInfo> GetInviteAsync(string user);

    /// <summary>The game's scenes, the opening one first.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<List<SceneInfo>> GetScenesAsync();

    /// <summary>The monsters <see cref="PlaceCreatureAsync"/> places by name: the SRD bestiary's and the campaign's own, by name.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<List<MonsterInfo>> GetBestiaryAsync();

    /// <summary>Puts a creature from the bestiary on a free square; who sees the square sees it appear.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<CreatureInfo> PlaceCreatureAsync(PlacementInfo placement);

    /// <summary>Takes a creature out of the game (not while it fights or the rules wait on it); who saw it sees it disappear.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> RemoveCreatureAsync(Guid creature);

    /// <summary>
    /// Moves any creature, silently: who sees it sees it move, as any move. To another <paramref name="scene"/> (its own
    /// when null), it disappears from one and appears in the other.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> MoveCreatureAsync(Guid creature, Guid? scene, [Range(0, 1023)] int x, [Range(0, 1023)] int y);

    /// <summary>Redraws squares of a scene's map (the opening scene when null); who sees a square is told.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> EditMapAsync(Guid? scene, List<CellEditInfo> cells);

    /// <summary>Who may play a creature (empty: only the masters); a user taken off it stops playing it at once.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> SetPlayersAsync(Guid creature, [MaxLength(32)] List<string> users);

    /// <summary>Asks whoever plays a creature for a check; the outcome comes back as a CheckResolved notification.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> RequestCheckAsync(CheckRequestInfo check);

    /// <summary>A free roll ("2d6+3"), to everyone in the game or to the masters only; logged like every roll.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<DiceRollInfo> RollDiceAsync([MaxLength(64)] string expression, [MaxLength(100)] string? purpose, bool mastersOnly);
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IMasterCallback
{
    [OperationContract(IsOneWay = true)]
    Task OnSessionEndedAsync(string reason);
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureEditInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public long ExpectedVersion { get; set; }

    [DataMember(Order = 2)] public int? HitPoints { get; set; }

    [DataMember(Order = 3)] public int? X { get; set; }

    [DataMember(Order = 4)] public int? Y { get; set; }

    [DataMember(Order = 5)] public string? Name { get; set; }
}
