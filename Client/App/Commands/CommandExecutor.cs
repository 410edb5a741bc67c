using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// Runs typed commands against the host for one session, with no knowledge of the screen: the interactive app and the
/// scripted mode both drive this. A refusal or a fault becomes a failed result with the host's reason; nothing throws.
/// </summary>
public sealed class CommandExecutor
{
    private readonly GameSession _session;
    private readonly Dictionary<string, CommandSpec> _commands = new(StringComparer.Ordinal);
    private readonly PlayCommands _play;

    public CommandExecutor(GameSession session)
    {
        _session = session;
        _play = new PlayCommands(session);
        var all = _play.Specs()
            .Concat(new ChatCommands(session).Specs())
            .Concat(new InfoCommands(session, () => Commands).Specs())
            .Concat(new SheetCommands(session).Specs())
            .Concat(new MasterCommands(session).Specs())
            .Concat(new PlayToolCommands(session).Specs());
        foreach (var spec in all)
            _commands.Add(spec.Name, spec);
    }

    public IReadOnlyList<CommandSpec> Commands => _commands.Values.Where(c => !c.MasterOnly || _session.IsMaster).ToList();

    public async Task<CommandResult> ExecuteAsync(string line, CancellationToken cancel = default)
    {
        var command = CommandParser.Parse(line);
        if (command is null)
            return CommandResult.Done();
        try
        {
            if (_commands.TryGetValue(command.Name, out var spec))
            {
                if (spec.MasterOnly && !_session.IsMaster)
                    return CommandResult.Failed($"'{spec.Name}' is for the game master");
                return await spec.Run(command, cancel).ConfigureAwait(false);
            }
            // Any action the active creature has is a command of its own: "move 3 4", "cast-fireball 5 5", "open-door 7 3".
            return await _play.TryActionAsync(command).ConfigureAwait(false) ?? CommandResult.Failed($"unknown command '{command.Name}', and not an action {ActiveName} can take now; see 'help' and 'actions'");
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException)
        {
            return CommandResult.Failed(Describe(error));
        }
    }

    private string ActiveName => _session.Active is { } active ? _session.Names.NameOf(active) : "your creature";

    /// <summary>The host's reason for a fault, without the plumbing around it.</summary>
    public static string Describe(Exception error) => error switch
    {
        FaultException<AccessDeniedFault> denied => $"refused: {denied.Detail.Reason}",
        FaultException<InvalidArgumentFault> invalid => $"refused: {invalid.Detail.Argument}: {invalid.Detail.Reason}",
        FaultException<InvalidStateFault> state => $"refused: {state.Detail.Reason}",
        FaultException fault => $"refused: {fault.Message}",
        TimeoutException => "the host did not answer in time",
        ObjectDisposedException => "the connection is closed",
        // A call made on a connection that broke (the host stopped or the network dropped): say so, not the channel's state.
        CommunicationObjectFaultedException or CommunicationObjectAbortedException => "the connection to the host was lost",
        _ => $"connection problem: {error.Message}",
    };
}
