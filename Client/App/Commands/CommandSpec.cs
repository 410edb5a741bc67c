namespace Ikosa.Client.App.Commands;

/// <summary>A command the app understands: its word, how to type it, what it does, and who may use it.</summary>
public sealed record CommandSpec(string Name, string Usage, string Help, Func<ParsedCommand, CancellationToken, Task<CommandResult>> Run, bool MasterOnly = false)
{
    /// <summary>A command that needs no cancellation: most of them, which make one or a few calls to the host.</summary>
    public static CommandSpec Of(string name, string usage, string help, Func<ParsedCommand, Task<CommandResult>> run, bool masterOnly = false) =>
        new(name, usage, help, (command, _) => run(command), masterOnly);

    /// <summary>A command that answers without asking the host.</summary>
    public static CommandSpec Local(string name, string usage, string help, Func<ParsedCommand, CommandResult> run) =>
        new(name, usage, help, (command, _) => Task.FromResult(run(command)));
}
