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
