using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;

namespace Ikosa.Bench.Game;

/// <summary>
/// Two operations of the game service as they were before operations became asynchronous: the same wire (a client's
/// <see cref="IGameService"/> calls it unchanged), but each call holds its thread until the engine's task completes,
/// as the old <c>GameHost.Read</c> did with <c>GetAwaiter().GetResult()</c>. Bench only: the baseline of host-concurrency.
/// </summary>
[ServiceContract(Name = "IGameService", Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IGameCallback), SessionMode = SessionMode.Required)]
public interface IBlockingGameService
{
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    void Bind(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    CreatureInfo GetCreature(Guid creature);
}

public sealed class BlockingGameService(GameHost game) : IBlockingGameService
{
    private readonly GameService _service = new(game);

    public void Bind(string ticket) => _service.BindAsync(ticket).GetAwaiter().GetResult();

    public CreatureInfo GetCreature(Guid creature) => _service.GetCreatureAsync(creature).GetAwaiter().GetResult();
}
