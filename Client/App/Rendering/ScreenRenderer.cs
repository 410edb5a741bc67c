using System.Text;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ikosa.Client.App.Rendering;

/// <summary>
/// The interactive screen as one Spectre.Console renderable: the map with fog of war on the left above the log; on the
/// right who you are, the initiative order, waiting prompts, the actions available now, recent dice and chat.
/// </summary>
public static class ScreenRenderer
{
    private const int LogLines = 14;
    private const int ChatLines = 6;
    private const int ActionLines = 8;

    public static IRenderable Render(GameSession session, ScreenState state, string? status)
    {
        var left = new Rows(MapPanel(session, state), LogPanel(session.Log));
        var right = new Rows(WhoPanel(session, state, status), TurnsPanel(state.Tracker), PromptsPanel(session, state.Prompts),
            ActionsPanel(state), DicePanel(state.Dice), ChatPanel(session.Log));
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().Width(62));
        grid.AddRow(left, right);
        return grid;
    }

    public static IRenderable MapPanel(GameSession session, ScreenState state)
    {
        var title = state.View is null ? "Map" : session.IsMaster ? "Map (game master: everything)" : $"Map: what {session.Names.NameOf(state.Active ?? Guid.Empty)} sees";
        IRenderable body = state.View is null
            ? new Markup("[grey]no view: play a character ('play NAME')[/]")
            : new Markup(MapMarkup(state.View, state.Me));
        return new Panel(body).Header(TerminalText.Markup(title)).Border(BoxBorder.Rounded).Expand();
    }

    /// <summary>The map as markup: seen squares bright, remembered ones dim, unknown blank, tokens coloured by side.</summary>
    public static string MapMarkup(ViewInfo view, CreatureInfo? me)
    {
        var grid = new MapGrid(view, me);
        var text = new StringBuilder();
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                var square = grid[x, y];
                var glyph = TerminalText.Markup(square.Glyph.ToString());
                var style = square switch
                {
                    { IsActive: true } => "bold black on yellow",
                    { Token.Team: "heroes" } => "bold green",
                    { Token: not null } => "bold red",
                    { Light: Light.Visible, Glyph: '#' } => "bold white",
                    { Light: Light.Visible } => "white",
                    { Light: Light.Remembered } => "grey35",
                    _ => "default",
                };
                text.Append($"[{style}]{glyph}[/] ");
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static IRenderable WhoPanel(GameSession session, ScreenState state, string? status)
    {
        var mine = session.MyCharacters(state.Characters).Select(c => c.Id == state.Active ? $"[bold]{TerminalText.Markup(c.Name)}[/]" : TerminalText.Markup(c.Name));
        var line = $"{TerminalText.Markup(session.UserName)}{(session.IsMaster ? " [yellow](game master)[/]" : "")} plays: {string.Join(", ", mine.DefaultIfEmpty("nobody"))}";
        var rows = new List<IRenderable> { new Markup(line) };
        if (state.Me is { } me)
            rows.Add(new Markup($"[bold yellow]@[/] {TerminalText.Markup(me.Name)} at ({me.X},{me.Y}): {me.HitPoints}/{me.MaxHitPoints} hp, AC {me.ArmorClass}, {TerminalText.Markup(me.State)}"));
        if (status is not null)
            rows.Add(new Markup($"[aqua]{TerminalText.Markup(status)}[/]"));
        if (state.Problem is not null)
            rows.Add(new Markup($"[grey]{TerminalText.Markup(state.Problem)}[/]"));
        return new Panel(new Rows(rows)).Header("Ikosa").Expand();
    }

    private static IRenderable TurnsPanel(TurnTrackerInfo tracker)
    {
        if (!tracker.InCombat)
            return new Panel(new Markup("[grey]not in combat[/]")).Header("Initiative").Expand();
        var lines = tracker.Order.Select(e => e.Creature == tracker.Current
            ? $"[bold yellow]> {e.Initiative,3}  {TerminalText.Markup(e.Name)}[/]"
            : $"  {e.Initiative,3}  {TerminalText.Markup(e.Name)}");
        return new Panel(new Markup(string.Join('\n', lines))).Header($"Initiative: round {tracker.Round}").Expand();
    }

    private static IRenderable PromptsPanel(GameSession session, IReadOnlyList<PrerequisiteInfo> prompts)
    {
        if (prompts.Count == 0)
            return new Panel(new Markup("[grey]nothing waits for you[/]")).Header("Prompts").Expand();
        var lines = prompts.Select((p, i) => $"[bold yellow]#{i + 1}[/] {TerminalText.Markup(PlainText.Prompt(p, session.Names))}").ToList();
        lines.Add(prompts.Any(p => p.Kind != "ActNow") ? "[grey][[Enter]] answers the first: the host rolls[/]" : "[grey]'end' ends your turn[/]");
        return new Panel(new Markup(string.Join('\n', lines))).Header("[yellow]Prompts[/]").Expand();
    }

    private static IRenderable ActionsPanel(ScreenState state)
    {
        var lines = PlainText.Actions(state.Actions).Take(ActionLines).Select(Markup.Escape);
        return new Panel(new Markup(string.Join('\n', lines))).Header("Actions now").Expand();
    }

    private static IRenderable DicePanel(IReadOnlyList<DiceRollInfo> dice)
    {
        var lines = PlainText.Dice(dice.TakeLast(4).ToList()).Select(Markup.Escape);
        return new Panel(new Markup(string.Join('\n', lines))).Header("Dice").Expand();
    }

    private static IRenderable ChatPanel(EventLog log)
    {
        var lines = log.Last(ChatLines, e => e.Kind == LogKind.Chat).Select(e => TerminalText.Markup(e.Text)).DefaultIfEmpty("[grey]say TEXT, party TEXT, gm TEXT, whisper USER TEXT[/]");
        return new Panel(new Markup(string.Join('\n', lines))).Header("Chat").Expand();
    }

    private static IRenderable LogPanel(EventLog log)
    {
        var lines = log.Last(LogLines, e => e.Kind != LogKind.Chat).Select(e => e.Kind switch
        {
            LogKind.Dice => $"[aqua]{TerminalText.Markup(e.Text)}[/]",
            LogKind.Prompt => $"[yellow]{TerminalText.Markup(e.Text)}[/]",
            LogKind.System => $"[grey]{TerminalText.Markup(e.Text)}[/]",
            LogKind.Command => $"[bold]{TerminalText.Markup(e.Text)}[/]",
            _ => TerminalText.Markup(e.Text),
        });
        return new Panel(new Markup(string.Join('\n', lines))).Header("Log").Expand();
    }
}
