using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Session;

namespace Ikosa.Client.App.Commands;

/// <summary>A character sheet: a player's own characters, any creature for the game master.</summary>
public sealed class SheetCommands(GameSession session)
{
    public IEnumerable<CommandSpec> Specs() =>
    [
        CommandSpec.Of("sheet", "sheet [NAME]", "the character sheet of the active creature (or NAME): abilities, saves, attacks, spells, skills, equipment",
            c => Sheet(c.Rest)),
    ];

    private async Task<CommandResult> Sheet(string name)
    {
        var found = name.Length == 0 ? Active() : session.IsMaster ? await MasterCommands.ResolveAsync(session, name).ConfigureAwait(false) : await OwnAsync(name).ConfigureAwait(false);
        if (!found.Ok)
            return CommandResult.Failed(found.Error!);
        var creature = await session.Client.Game.GetCreatureAsync(found.Id).ConfigureAwait(false);
        return creature.Sheet is null
            ? CommandResult.Failed($"the host shows you no sheet of {creature.Name}")
            : CommandResult.Done(SheetText.Lines(creature));
    }

    private Resolution Active() => session.Active is { } active
        ? Resolution.Found(active, session.Names.NameOf(active))
        : Resolution.Failed("no active creature: 'sheet NAME', or 'play NAME' first");

    /// <summary>One of the characters this player plays: the sheets of others are not theirs to read.</summary>
    private async Task<Resolution> OwnAsync(string name)
    {
        var mine = session.MyCharacters(await session.Client.Login.GetCharactersAsync().ConfigureAwait(false));
        foreach (var character in mine)
            session.Names.Learn(character.Id, character.Name);
        var found = session.Names.Resolve(name, mine.Select(c => c.Id).ToList());
        return found.Ok ? found : Resolution.Failed($"you see the sheets of the characters you play only ({(mine.Count == 0 ? "none yet: 'play NAME' first" : string.Join(", ", mine.Select(c => c.Name)))})");
    }
}
