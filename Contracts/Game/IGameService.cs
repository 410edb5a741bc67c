namespace Ikosa.Contracts;

/// <summary>Playing: the actions a creature may take now, doing one, answering prompts, turns.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IGameCallback), SessionMode = SessionMode.Required)]
public interface IGameService
{
    /// <summary>Binds this channel to the login that issued <paramref name="ticket"/>.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    void Bind(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    List<ActionInfo> GetActions(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    ResultInfo DoAction(ActivityInfo activity);

    /// <summary>The prompts waiting for the caller: for one of its creatures, or all of them when <paramref name="creature"/> is null.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    List<PrerequisiteInfo> GetPrerequisites(Guid? creature);

    /// <summary>Answers prompts; each answer is accepted or refused on its own.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    List<AnswerResultInfo> SetPrerequisites(List<AnswerInfo> answers);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    ResultInfo EndTurn(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    TurnTrackerInfo GetTurnTracker();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    CreatureInfo GetCreature(Guid creature);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    List<DiceRollInfo> GetDiceLog(int count);

    [OperationContract]
    long GetSerial();
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IGameCallback
{
    [OperationContract(IsOneWay = true)]
    void OnSessionEnded(string reason);
}
