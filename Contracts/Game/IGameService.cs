using System.ComponentModel.DataAnnotations;

namespace Ikosa.Contracts;

/// <summary>Playing: the actions a creature may take now, doing one, answering prompts, turns.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IGameCallback), SessionMode = SessionMode.Required)]
public interface IGameService
{
    /// <summary>Binds this channel to the login that issued <paramref name="ticket"/>.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task BindAsync(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<List<ActionInfo>> GetActionsAsync(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> DoActionAsync(ActivityInfo activity);

    /// <summary>The prompts waiting for the caller: for one of its creatures, or all of them when <paramref name="creature"/> is null.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<List<PrerequisiteInfo>> GetPrerequisitesAsync(Guid? creature);

    /// <summary>Answers prompts; each answer is accepted or refused on its own.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<List<AnswerResultInfo>> SetPrerequisitesAsync(List<AnswerInfo> answers);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<ResultInfo> EndTurnAsync(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<TurnTrackerInfo> GetTurnTrackerAsync();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<CreatureInfo> GetCreatureAsync(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<List<DiceRollInfo>> GetDiceLogAsync([Range(1, 200)] int count);

    [OperationContract]
    Task<long> GetSerialAsync();
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IGameCallback
{
    [OperationContract(IsOneWay = true)]
    Task OnSessionEndedAsync(string reason);
}
