namespace Ikosa.Client.App.Commands;

/// <summary>A typed line: the command word (lower case), its words (quotes keep spaces together), and the raw rest for free text.</summary>
public sealed record ParsedCommand(string Name, IReadOnlyList<string> Args, string Rest)
{
    /// <summary>The rest of the line split at commas: "start-combat Tordek, Goblin 1" gives ["Tordek", "Goblin 1"].</summary>
    public IReadOnlyList<string> CommaList =>
        Rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('"')).ToList();
}
