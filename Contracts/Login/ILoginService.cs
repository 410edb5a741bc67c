using Ikosa.ServiceModel;

namespace Ikosa.Contracts;

/// <summary>
/// Logging in and out, characters, presence and chat. The login channel also carries the client's notification
/// batches (<see cref="ILoginCallback.OnBatchAsync"/>).
/// </summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(ILoginCallback), SessionMode = SessionMode.Required)]
public interface ILoginService
{
    /// <summary>Checks the password and returns a ticket; repeated failures are throttled.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    TicketInfo Login(string userName, string password);

    /// <summary>
    /// Binds this new channel to an earlier login (after a dropped connection) and sends the batches after
    /// <paramref name="lastSerial"/>, or a refetch batch when they are no longer kept.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    TicketInfo Resume(string ticket, long lastSerial);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    void Logout();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    List<UserInfo> GetUsers();

    /// <summary>The characters whose allowed users name the caller.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    List<CharacterInfo> GetCharacters();

    /// <summary>Takes control of <paramref name="take"/> and gives up <paramref name="release"/>; a character is played by one user at a time.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidStateFault))]
    List<CharacterInfo> SelectCharacters(List<Guid> take, List<Guid> release);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    void SendChat(ChatInfo chat);

    [OperationContract]
    long GetSerial();
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface ILoginCallback
{
    /// <summary>One committed write's notifications for this client, in serial order.</summary>
    [OperationContract(IsOneWay = true)]
    Task OnBatchAsync(BatchInfo batch);

    /// <summary>The host ends the client's session (kicked, disabled, host shutting down).</summary>
    [OperationContract(IsOneWay = true)]
    void OnSessionEnded(string reason);
}
