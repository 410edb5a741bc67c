using System.ComponentModel.DataAnnotations;

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
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<TicketInfo> LoginAsync(string userName, string password);

    /// <summary>
    /// Exchanges the one-time code the game master handed out (a new user, a reset password) for a password of the
    /// user's own, and logs in with it. The code works once and expires; wrong codes count as failed logins.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<TicketInfo> RedeemCodeAsync(string userName, string code, string newPassword);

    /// <summary>
    /// Binds this new channel to an earlier login (after a dropped connection) and sends the batches after
    /// <paramref name="lastSerial"/>, or a refetch batch when they are no longer kept.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<TicketInfo> ResumeAsync(string ticket, [Range(0, long.MaxValue)] long lastSerial);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task LogoutAsync();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<List<UserInfo>> GetUsersAsync();

    /// <summary>The characters whose allowed users name the caller.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<List<CharacterInfo>> GetCharactersAsync();

    /// <summary>Takes control of <paramref name="take"/> and gives up <paramref name="release"/>; a character is played by one user at a time.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(InvalidStateFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task<List<CharacterInfo>> SelectCharactersAsync(List<Guid> take, List<Guid> release);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    [FaultContract(typeof(HostCannotSaveFault))]
    Task SendChatAsync(ChatInfo chat);

    [OperationContract]
    Task<long> GetSerialAsync();
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface ILoginCallback
{
    /// <summary>One committed write's notifications for this client, in serial order.</summary>
    [OperationContract(IsOneWay = true)]
    Task OnBatchAsync(BatchInfo batch);

    /// <summary>The host ends the client's session (kicked, disabled, host shutting down).</summary>
    [OperationContract(IsOneWay = true)]
    Task OnSessionEndedAsync(string reason);
}
