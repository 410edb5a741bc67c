namespace Ikosa.Client.App.Commands;

/// <summary>A command the app understands: its word, how to type it, what it does, and who may use it.</summary>
public sealed record CommandSpec(string Name, string Usage, string Help, Func<ParsedCommand, CancellationToken, Task<CommandResult>> Run, bool MasterOnly = false)
{
    public static CommandSpec Sync(string name, string usage, string help, Func<ParsedCommand, CommandResult> run, bool masterOnly = false) =>
        new(name, usage, help, (command, _) => Task.FromResult(run(command)), masterOnly);
}
