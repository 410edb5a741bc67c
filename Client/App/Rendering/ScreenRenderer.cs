using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ikosa.Client.App.Rendering;

/// <summary>
/// The interactive screen as one Spectre.Console renderable that fits the terminal: the map with fog of war and rulers
/// on the left above the log; on the right who you are, the prompts waiting, the initiative order, chat, the actions
/// available now and recent dice. Every text is folded to its panel before drawing and <see cref="ScreenLayout"/>
/// shares out the lines, so the screen is never taller than the terminal: panels shrink, and the least needed fold away.
/// </summary>
public static class ScreenRenderer
{
    /// <summary>A chat line longer than this many lines shows its start and an ellipsis; 'log' shows it whole.</summary>
    public const int ChatEntryLines = 3;

    /// <summary>The same for a line of the log (a long chat typed, a long refusal).</summary>
    public const int LogEntryLines = 4;

    private const int LogEntriesConsidered = 200;
    private const int ChatEntriesConsidered = 50;
    private const int DiceShown = 4;

    /// <summary>The whole screen, <paramref name="width"/> cells wide and at most <paramref name="height"/> lines tall.</summary>
    public static IRenderable Render(ScreenContent content, int width, int height)
    {
        width = Math.Max(ScreenLayout.Border + 3, width);
        var side = ScreenLayout.SideWidth(width);
        if (side == 0)
            return Column(MainBlocks(content, Inner(width)).Concat(SideBlocks(content, Inner(width))).ToList(), height);
        var main = width - side;
        var grid = new Grid()
            .AddColumn(new GridColumn().Width(main).Padding(0, 0, 0, 0))
            .AddColumn(new GridColumn().Width(side).Padding(0, 0, 0, 0));
        grid.AddRow(Column(MainBlocks(content, Inner(main)).ToList(), height), Column(SideBlocks(content, Inner(side)).ToList(), height));
        return grid;
    }

    /// <summary>One panel to be: its header, what it asks of the layout, and its lines (markup) for the height it gets.</summary>
    private sealed record Block(string Header, PanelNeed Need, Func<int, IReadOnlyList<string>> Lines);

    /// <summary>Cells inside a panel: its border and one cell of padding each side.</summary>
    private static int Inner(int width) => Math.Max(1, width - 4);

    private static IRenderable Column(IReadOnlyList<Block> blocks, int height)
    {
        var lines = ScreenLayout.Stack(blocks.Select(b => b.Need).ToList(), height);
        var panels = new List<IRenderable>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (lines[i] == 0)
                continue;
            var body = blocks[i].Lines(lines[i]).Take(lines[i]).ToList();
            panels.Add(new Panel(new Markup(string.Join('\n', body.DefaultIfEmpty(""))).Overflow(Overflow.Ellipsis))
                .Header(blocks[i].Header).Border(BoxBorder.Rounded).Padding(1, 0, 1, 0).Expand());
        }
        return new Rows(panels);
    }

    private static IEnumerable<Block> MainBlocks(ScreenContent content, int width)
    {
        yield return MapBlock(content, width);
        yield return LogBlock(content.Log, width);
    }

    private static IEnumerable<Block> SideBlocks(ScreenContent content, int width)
    {
        yield return WhoBlock(content, width);
        if (content.State.Prompts.Count > 0)
            yield return PromptsBlock(content, width);
        if (content.State.Tracker.InCombat)
            yield return TurnsBlock(content.State.Tracker, width);
        yield return ChatBlock(content.Log, width);
        yield return ActionsBlock(content, width);
        if (content.State.Dice.Count > 0)
            yield return DiceBlock(content.State.Dice, width);
    }

    private static Block MapBlock(ScreenContent content, int width)
    {
        var state = content.State;
        var title = state.View switch
        {
            null => "Map",
            { Viewer: null } when content.IsMaster => "Map (game master: everything)",
            { } view => $"Map: what {content.Names.NameOf(view.Viewer ?? state.Active ?? Guid.Empty)} sees", // a master too, looking through it
        };
        if (state.View is null)
            return new Block(Header(title, width), new PanelNeed(1, 1, 0), _ => Styled(TextFold.Fold("no view: play a character ('play NAME')", width), "grey"));
        var grid = new MapGrid(state.View, state.Me);
        (int X, int Y)? focus = state.Me is { } me ? (me.X, me.Y) : null;
        return new Block(Header(title, width), new PanelNeed(MapView.WantedLines(grid), MapView.RulerLines(grid) + 1, 0),
            height => MapView.Markup(grid, width, height, focus));
    }

    private static Block LogBlock(EventLog log, int width)
    {
        var lines = log.Last(LogEntriesConsidered, e => e.Kind != LogKind.Chat)
            .SelectMany(e => Styled(Capped(TextFold.Fold(TerminalText.Clean(e.Text), width, indent: 2), LogEntryLines, width), e.Kind switch
            {
                LogKind.Dice => "aqua",
                LogKind.Prompt => "yellow",
                LogKind.System => "grey",
                LogKind.Command => "bold",
                _ => null,
            }))
            .ToList();
        return new Block("Log", new PanelNeed(lines.Count, 3, 1, Fills: true), height => lines.TakeLast(height).ToList());
    }

    private static Block WhoBlock(ScreenContent content, int width)
    {
        var state = content.State;
        var mine = content.Mine.Select(c => c.Name).DefaultIfEmpty("nobody");
        var lines = new List<string>();
        lines.AddRange(Styled(TextFold.Fold($"{TerminalText.Clean(content.UserName)}{(content.IsMaster ? " (game master)" : "")} plays: {TerminalText.Clean(string.Join(", ", mine))}", width, 2), null));
        if (state.Me is { } me)
            lines.AddRange(Styled(TextFold.Fold($"@ {TerminalText.Clean(me.Name)} at ({me.X},{me.Y}): {me.HitPoints}/{me.MaxHitPoints} hp, AC {me.ArmorClass}, {TerminalText.Clean(me.State).ToLowerInvariant()}", width, 2), null));
        if (content.Status is { Length: > 0 } status)
            lines.AddRange(Styled(TextFold.Fold(TerminalText.Clean(status), width, 2), "aqua"));
        if (state.Problem is not null)
            lines.AddRange(Styled(TextFold.Fold(TerminalText.Clean(state.Problem), width, 2), "grey"));
        return new Block("Ikosa", new PanelNeed(lines.Count, 1, 0), height => lines.Take(height).ToList());
    }

    private static Block PromptsBlock(ScreenContent content, int width)
    {
        var prompts = content.State.Prompts;
        var lines = prompts.SelectMany((p, i) => Styled(TextFold.Fold($"#{i + 1} {TerminalText.Clean(PlainText.Prompt(p, content.Names))}", width, 3), null)).ToList();
        var hint = prompts.Any(p => p.Kind != "ActNow") ? "[Enter] answers the first: the host rolls" : "'end' ends your turn, 'delay' delays it";
        lines.AddRange(Styled(TextFold.Fold(hint, width), "grey"));
        return new Block("[yellow]Prompts[/]", new PanelNeed(lines.Count, 1, 1), height => lines.Take(height).ToList());
    }

    private static Block TurnsBlock(TurnTrackerInfo tracker, int width)
    {
        var lines = tracker.Order.Select(e => e.Creature == tracker.Current
            ? $"[bold yellow]{Markup.Escape(Cut($"> {e.Initiative,3}  {TerminalText.Clean(e.Name)}", width))}[/]"
            : Markup.Escape(Cut($"  {e.Initiative,3}  {TerminalText.Clean(e.Name)}", width))).ToList();
        var current = Math.Max(0, tracker.Order.FindIndex(e => e.Creature == tracker.Current));
        // When the order is longer than the panel, the creature acting now stays in view, with the next ones below it.
        return new Block($"Initiative: round {tracker.Round}", new PanelNeed(lines.Count, 1, 2),
            height => lines.Skip(Math.Clamp(current - 1, 0, Math.Max(0, lines.Count - height))).Take(height).ToList());
    }

    private static Block ChatBlock(EventLog log, int width)
    {
        var entries = log.Last(ChatEntriesConsidered, e => e.Kind == LogKind.Chat);
        var lines = entries.Count == 0
            ? Styled(TextFold.Fold("say TEXT, party TEXT, gm TEXT, whisper USER TEXT", width), "grey")
            : entries.SelectMany(e => Styled(Capped(TextFold.Fold(TerminalText.Clean(e.Text), width, indent: 2), ChatEntryLines, width), null)).ToList();
        return new Block("Chat", new PanelNeed(lines.Count, 2, 3, Fills: true), height => lines.TakeLast(height).ToList());
    }

    private static Block ActionsBlock(ScreenContent content, int width)
    {
        var state = content.State;
        var waiting = state.Tracker.InCombat && state.Active is { } active && state.Tracker.Current != active;
        var lines = waiting
            ? Styled(TextFold.Fold($"not {content.Names.NameOf(state.Active!.Value)}'s turn yet", width), "grey")
            : PlainText.Actions(state.Actions).SelectMany(a => Styled(TextFold.Fold(a, width, 2), null)).ToList();
        return new Block("Actions now", new PanelNeed(lines.Count, 1, 4), height => lines.Take(height).ToList());
    }

    private static Block DiceBlock(IReadOnlyList<DiceRollInfo> dice, int width)
    {
        var lines = PlainText.Dice(dice.TakeLast(DiceShown).ToList()).SelectMany(d => Styled(TextFold.Fold(TerminalText.Clean(d), width, 2), null)).ToList();
        return new Block("Dice", new PanelNeed(lines.Count, 1, 5), height => lines.TakeLast(height).ToList());
    }

    /// <summary>Folded plain lines as markup, each in <paramref name="style"/>.</summary>
    private static IReadOnlyList<string> Styled(IEnumerable<string> lines, string? style) =>
        lines.Select(l => style is null ? Markup.Escape(l) : $"[{style}]{Markup.Escape(l)}[/]").ToList();

    /// <summary>At most <paramref name="max"/> lines, the last ending in an ellipsis when some were left out.</summary>
    private static IReadOnlyList<string> Capped(IReadOnlyList<string> lines, int max, int width) =>
        lines.Count <= max ? lines : [.. lines.Take(max - 1), Cut(lines[max - 1], width - 1) + "…"];

    /// <summary>A header that fits its border: text beyond the width is cut.</summary>
    private static string Header(string title, int width) => TerminalText.Markup(Cut(title, width - 2));

    private static string Cut(string text, int width)
    {
        if (text.GetCellWidth() <= width)
            return text;
        var cut = text;
        while (cut.Length > 0 && cut.GetCellWidth() > Math.Max(0, width))
            cut = cut[..^1];
        return cut;
    }
}
