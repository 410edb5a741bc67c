using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Session;

namespace Ikosa.Client.App.Commands;

/// <summary>Looking: the map, the initiative order, the dice, the log, who is online, help, and leaving.</summary>
public sealed class InfoCommands(GameSession session, Func<IReadOnlyList<CommandSpec>> commands)
{
    public IEnumerable<CommandSpec> Specs() =>
    [
        CommandSpec.Of("refresh", "refresh", "fetch everything anew", _ => Refresh()),
        CommandSpec.Of("map", "map", "the map as your active creature sees it", _ => Map()),
        CommandSpec.Of("turns", "turns", "the initiative order", async _ =>
            CommandResult.Done(PlainText.Turns(await session.Client.Game.GetTurnTrackerAsync().ConfigureAwait(false)))),
        CommandSpec.Of("dice", "dice [N]", "the last N rolls on the host's dice log", async c =>
            CommandResult.Done(PlainText.Dice(await session.Client.Game.GetDiceLogAsync(Count(c, 10)).ConfigureAwait(false)))),
        CommandSpec.Local("log", "log [N]", "the last N things that happened", c =>
            CommandResult.Done(session.Log.Last(Count(c, 20)).Select(e => $"[{e.Kind.ToString().ToLowerInvariant()}] {e.Text}"))),
        CommandSpec.Of("who", "who", "the users, and who is online", async _ => CommandResult.Done((await session.Client.Login.GetUsersAsync().ConfigureAwait(false))
            .Select(u => $"{u.Name}{(u.IsMaster ? " (game master)" : "")}: {(u.IsDisabled ? "disabled" : u.IsOnline ? "online" : "offline")}"))),
        CommandSpec.Local("help", "help", "this list", _ => CommandResult.Done(commands().Select(c => $"{c.Usage,-34} {c.Help}")
            .Append("ACTION [targets]                   any action from 'actions', e.g. move 3 4, cast-fireball 5 5"))),
        CommandSpec.Local("quit", "quit", "log out and leave", _ => CommandResult.Exit()),
    ];

    private async Task<CommandResult> Refresh()
    {
        var state = await session.RefreshAsync().ConfigureAwait(false);
        var lines = new List<string> { "up to date" };
        if (state.Active is { } active)
            lines.Add($"active: {session.Names.NameOf(active)}");
        if (state.Problem is not null)
            lines.Add($"note: {state.Problem}");
        return CommandResult.Done(lines);
    }

    private async Task<CommandResult> Map()
    {
        var state = await session.RefreshAsync().ConfigureAwait(false);
        return CommandResult.Done(PlainText.Map(state.View, state.Me).Append(PlainText.Legend));
    }

    private static int Count(ParsedCommand command, int fallback) =>
        command.Args.Count > 0 && int.TryParse(command.Args[0], out var n) ? Math.Clamp(n, 1, 200) : fallback;
}
