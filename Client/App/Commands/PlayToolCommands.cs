using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// The game master's tools during play: scenes, placing, removing and moving creatures, redrawing squares, giving and
/// taking characters, asking for checks, rolling freely. Words with '=' are settings; the other words name things.
/// </summary>
public sealed class PlayToolCommands(GameSession session)
{
    private IMasterService Master => session.Client.Master ?? throw new InvalidOperationException("not a master session");

    public IEnumerable<CommandSpec> Specs() =>
    [
        Spec("scenes", "scenes", "the game's scenes", _ => Scenes()),
        Spec("scene", "scene [NAME]", "show the whole map of a scene (none: the scene the game opens on)", ShowScene),
        Spec("bestiary", "bestiary [WORD]", "the monsters 'place' puts on the map (those whose name has WORD)", Bestiary),
        Spec("place", "place MONSTER at=X,Y [scene=NAME] [name=NEW]", "put a creature from the bestiary on a free square", Place),
        Spec("remove", "remove NAME", "take a creature out of the game", Remove),
        Spec("relocate", "relocate NAME at=X,Y [scene=NAME]", "move any creature silently, also to another scene (players see it move)", Relocate),
        Spec("terrain", "terrain wall|floor|door|open-door|difficult X,Y [X,Y...] [scene=NAME]", "redraw squares of a map", Terrain),
        Spec("give", "give NAME USER", "let a user play a character", c => ChangePlayers(c, give: true)),
        Spec("take", "take NAME USER", "take a character from a user", c => ChangePlayers(c, give: false)),
        Spec("check", "check NAME ability|skill|save WHAT dc=N [secret]", "ask whoever plays a creature for a check", Check),
        Spec("roll", "roll DICE [gm] [why...]", "a free roll (2d6+3), for everyone or for the masters only (gm)", Roll),
    ];

    private static CommandSpec Spec(string name, string usage, string help, Func<ParsedCommand, Task<CommandResult>> run) =>
        CommandSpec.Of(name, usage, help, run, masterOnly: true);

    private async Task<CommandResult> Scenes()
    {
        var scenes = await Master.GetScenesAsync().ConfigureAwait(false);
        return new CommandResult(true, scenes.Select(s => $"{s.Name} ({s.Width}x{s.Height}){(s.Opening ? ", where the game opens" : "")}").ToList());
    }

    private async Task<CommandResult> ShowScene(ParsedCommand command)
    {
        var name = command.Rest.Trim().Replace('_', ' ');
        var scenes = await Master.GetScenesAsync().ConfigureAwait(false);
        var scene = name.Length == 0 ? scenes.First(s => s.Opening) : scenes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (scene is null)
            return CommandResult.Failed($"there is no scene '{name}'; the scenes are: {string.Join(", ", scenes.Select(s => s.Name))}");
        session.ShowScene(scene);
        return new CommandResult(true, [$"the map shows {scene.Name} ({scene.Width}x{scene.Height})"]);
    }

    private async Task<CommandResult> Bestiary(ParsedCommand command)
    {
        var word = command.Rest.Trim();
        var monsters = (await Master.GetBestiaryAsync().ConfigureAwait(false))
            .Where(m => m.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (monsters.Count == 0)
            return CommandResult.Failed($"no monster of the bestiary has '{word}' in its name; 'bestiary' alone lists them all");
        return new CommandResult(true, [.. monsters.Select(m =>
            $"{m.Name}: {m.Size.ToLowerInvariant()}, level {m.Level}, {m.HitPoints} hp{(m.FromCampaign ? " (the campaign's own)" : "")}")]);
    }

    private async Task<CommandResult> Place(ParsedCommand command)
    {
        var (words, settings) = Split(command);
        if (words.Length == 0 || !TryCell(settings.GetValueOrDefault("at"), out var x, out var y))
            return CommandResult.Failed("place MONSTER at=X,Y [scene=NAME] [name=NEW]");
        var scene = await SceneAsync(settings).ConfigureAwait(false);
        if (scene.Error is not null)
            return CommandResult.Failed(scene.Error);
        var placed = await Master.PlaceCreatureAsync(new PlacementInfo { Monster = words, X = x, Y = y, Scene = scene.Id, Name = settings.GetValueOrDefault("name") }).ConfigureAwait(false);
        session.Names.Learn(placed.Id, placed.Name);
        return CommandResult.Done($"{placed.Name} placed at ({placed.X},{placed.Y})");
    }

    private Task<CommandResult> Remove(ParsedCommand command) =>
        WithCreature(string.Join(' ', command.Args), async id =>
        {
            var result = await Outcome(Master.RemoveCreatureAsync(id), $"{session.Names.NameOf(id)} removed").ConfigureAwait(false);
            if (result.Ok)
                session.Names.Forget(id); // its name no longer stands for anything the host knows
            return result;
        });

    private async Task<CommandResult> Relocate(ParsedCommand command)
    {
        var (words, settings) = Split(command);
        if (words.Length == 0 || !TryCell(settings.GetValueOrDefault("at"), out var x, out var y))
            return CommandResult.Failed("relocate NAME at=X,Y [scene=NAME]");
        var scene = await SceneAsync(settings).ConfigureAwait(false);
        if (scene.Error is not null)
            return CommandResult.Failed(scene.Error);
        return await WithCreature(words, id => Outcome(Master.MoveCreatureAsync(id, scene.Id, x, y), $"{session.Names.NameOf(id)} moved to ({x},{y})")).ConfigureAwait(false);
    }

    private async Task<CommandResult> Terrain(ParsedCommand command)
    {
        var (_, settings) = Split(command);
        var words = command.Args.Where(a => !a.Contains('=')).ToList();
        var terrain = TerrainOf(words.FirstOrDefault());
        var cells = new List<CellEditInfo>();
        foreach (var word in words.Skip(1))
        {
            if (!TryCell(word, out var x, out var y))
                return CommandResult.Failed($"'{word}' is not a square: write X,Y");
            cells.Add(new CellEditInfo { X = x, Y = y, Terrain = terrain ?? TerrainType.Floor });
        }
        if (terrain is null || cells.Count == 0)
            return CommandResult.Failed("terrain wall|floor|door|open-door|difficult X,Y [X,Y...] [scene=NAME]");
        var scene = await SceneAsync(settings).ConfigureAwait(false);
        if (scene.Error is not null)
            return CommandResult.Failed(scene.Error);
        return await Outcome(Master.EditMapAsync(scene.Id, cells), $"{cells.Count} square(s) redrawn").ConfigureAwait(false);
    }

    private async Task<CommandResult> ChangePlayers(ParsedCommand command, bool give)
    {
        if (command.Args.Count < 2)
            return CommandResult.Failed($"{command.Name} NAME USER");
        var user = command.Args[^1];
        return await WithCreature(string.Join(' ', command.Args.SkipLast(1)), async id =>
        {
            var players = (await session.Client.Game.GetCreatureAsync(id).ConfigureAwait(false)).Sheet?.Players ?? [];
            var changed = PlayersAfter(players, user, give);
            return await Outcome(Master.SetPlayersAsync(id, changed), $"{session.Names.NameOf(id)}: {(changed.Count == 0 ? "the game master only" : string.Join(", ", changed))}").ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<CommandResult> Check(ParsedCommand command)
    {
        var (_, settings) = Split(command);
        var words = command.Args.Where(a => !a.Contains('=')).ToList();
        var secret = words.Remove("secret");
        var at = words.FindIndex(w => w.ToLowerInvariant() is "ability" or "skill" or "save");
        if (at < 1 || at == words.Count - 1 || !int.TryParse(settings.GetValueOrDefault("dc"), out var dc))
            return CommandResult.Failed("check NAME ability|skill|save WHAT dc=N [secret]");
        var type = words[at].ToLowerInvariant() switch
        {
            "ability" => CheckType.Ability,
            "skill" => CheckType.Skill,
            _ => CheckType.Save,
        };
        var what = string.Join(' ', words.Skip(at + 1));
        return await WithCreature(string.Join(' ', words.Take(at)), id => Outcome(
            Master.RequestCheckAsync(new CheckRequestInfo { Creature = id, Type = type, Name = what, Difficulty = dc, Secret = secret }),
            $"asked {session.Names.NameOf(id)} for a {what} {type.ToString().ToLowerInvariant()} against DC {dc}{(secret ? " (secret)" : "")}")).ConfigureAwait(false);
    }

    private async Task<CommandResult> Roll(ParsedCommand command)
    {
        if (command.Args.Count == 0)
            return CommandResult.Failed("roll DICE [gm] [why...]");
        var mastersOnly = command.Args.Count > 1 && command.Args[1].Equals("gm", StringComparison.OrdinalIgnoreCase);
        var why = string.Join(' ', command.Args.Skip(mastersOnly ? 2 : 1));
        var roll = await Master.RollDiceAsync(command.Args[0], why.Length == 0 ? null : why, mastersOnly).ConfigureAwait(false);
        return CommandResult.Done($"{roll.Purpose}: {roll.Expression} = {roll.Total}{(mastersOnly ? " (masters only)" : "")}");
    }

    /// <summary>A terrain as players write it: wall, floor, door, open-door or difficult; null for anything else.</summary>
    public static TerrainType? TerrainOf(string? word) => word?.ToLowerInvariant() switch
    {
        "wall" => TerrainType.Wall,
        "floor" => TerrainType.Floor,
        "door" => TerrainType.Door,
        "open-door" => TerrainType.OpenDoor,
        "difficult" => TerrainType.Difficult,
        _ => null,
    };

    /// <summary>Who may play a creature once <paramref name="user"/> is given it (or has it taken).</summary>
    public static List<string> PlayersAfter(IEnumerable<string> players, string user, bool give) =>
        give ? players.Append(user).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : players.Where(p => !string.Equals(p, user, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The words of a command without its settings (joined: a name may have spaces), and its settings ("at=3,4").</summary>
    private static (string Words, Dictionary<string, string> Settings) Split(ParsedCommand command) =>
        (string.Join(' ', command.Args.Where(a => !a.Contains('='))),
         command.Args.Where(a => a.Contains('=')).ToDictionary(a => a[..a.IndexOf('=')].ToLowerInvariant(), a => a[(a.IndexOf('=') + 1)..], StringComparer.Ordinal));

    private static bool TryCell(string? text, out int x, out int y)
    {
        (x, y) = (0, 0);
        return text?.Split(',') is [var a, var b] && int.TryParse(a, out x) && int.TryParse(b, out y);
    }

    /// <summary>The scene a <c>scene=NAME</c> setting names (null without one), or why not.</summary>
    private async Task<(Guid? Id, string? Error)> SceneAsync(Dictionary<string, string> settings)
    {
        if (settings.GetValueOrDefault("scene") is not { } name)
            return (null, null);
        var scenes = await Master.GetScenesAsync().ConfigureAwait(false);
        return scenes.FirstOrDefault(s => string.Equals(s.Name, name.Replace('_', ' '), StringComparison.OrdinalIgnoreCase)) is { } scene
            ? (scene.Id, null)
            : (null, $"there is no scene '{name}'; the scenes are: {string.Join(", ", scenes.Select(s => s.Name))}");
    }

    private async Task<CommandResult> WithCreature(string name, Func<Guid, Task<CommandResult>> run)
    {
        if (name.Length == 0)
            return CommandResult.Failed("name a creature");
        var found = await MasterCommands.ResolveAsync(session, name).ConfigureAwait(false);
        return found.Ok ? await run(found.Id).ConfigureAwait(false) : CommandResult.Failed(found.Error!);
    }

    private static Task<CommandResult> Outcome(Task<ResultInfo> call, string done) => MasterCommands.Outcome(call, done);
}
