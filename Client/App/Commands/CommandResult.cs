namespace Ikosa.Client.App.Commands;

/// <summary>What a command did: whether it worked, what to tell the user, and whether the app should stop.</summary>
public sealed record CommandResult(bool Ok, IReadOnlyList<string> Lines, bool Quit = false)
{
    public static CommandResult Done(params string[] lines) => new(true, lines);

    public static CommandResult Done(IEnumerable<string> lines) => new(true, lines.ToList());

    public static CommandResult Failed(string why) => new(false, [why]);

    public static CommandResult Exit() => new(true, ["bye"], Quit: true);
}
