using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Spectre.Console;

namespace Ikosa.Tests.ClientApp;

/// <summary>
/// The whole interactive screen drawn into a terminal of a given size (Spectre.Console writing plain text): it must fit
/// (nothing scrolls off), show the map with its rulers around the player, and keep long chat inside its panel.
/// </summary>
public class ScreenRendererTests
{
    private static readonly Guid MeId = Guid.NewGuid();
    private static readonly Guid GoblinId = Guid.NewGuid();

    /// <summary>A 40x30 room, all seen; Tordek at (30,20), a goblin beside him; combat with six creatures; a prompt waiting.</summary>
    private static ScreenContent Busy(int chatWords = 400)
    {
        var view = new ViewInfo { Width = 40, Height = 30 };
        for (var x = 0; x < 40; x++)
            for (var y = 0; y < 30; y++)
                view.Visible.Add(new CellInfo { X = x, Y = y, Terrain = x == 0 || y == 0 || x == 39 || y == 29 ? "wall" : "floor" });
        view.Creatures.Add(new TokenInfo { Id = GoblinId, Name = "Goblin 1", Team = "monsters", X = 31, Y = 20 });
        var order = Enumerable.Range(1, 6).Select(i => new TurnEntryInfo { Creature = i == 1 ? MeId : Guid.NewGuid(), Name = i == 1 ? "Tordek" : $"Goblin {i}", Initiative = 20 - i }).ToList();
        var state = new ScreenState
        {
            Serial = 104,
            Characters = [new CharacterInfo { Id = MeId, Name = "Tordek", PlayedBy = "alice" }],
            Active = MeId,
            View = view,
            Me = new CreatureInfo { Id = MeId, Name = "Tordek", Team = "heroes", X = 30, Y = 20, HitPoints = 45, MaxHitPoints = 45, ArmorClass = 18, State = "Conscious" },
            Tracker = new TurnTrackerInfo { InCombat = true, Round = 2, Current = MeId, Order = order },
            Actions = [new ActionInfo { Key = "move", Name = "Move", Time = "Move", Aiming = [new AimingInfo { Key = "path", Kind = "Path", Min = 1 }] }],
            Prompts = [new PrerequisiteInfo { Kind = "ActNow", Prompt = "Tordek: your turn. Act, then end your turn.", Creature = MeId }],
            Dice = [new DiceRollInfo { Purpose = "initiative", Expression = "1d20+1", Total = 19 }],
        };
        var log = new EventLog();
        for (var i = 0; i < 40; i++)
            log.Add(LogKind.Event, $"event {i}");
        log.Add(LogKind.Chat, "bob: " + string.Join(' ', Enumerable.Range(0, chatWords).Select(i => $"blah{i}")));
        log.Add(LogKind.Chat, "carol: the last word");
        var names = new NameDirectory();
        names.Learn(MeId, "Tordek");
        return new ScreenContent("alice", false, names, log, state, "type 'help' for commands");
    }

    private static string[] Draw(ScreenContent content, int width, int height)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = width;
        console.Profile.Height = height;
        // The last line of the terminal is the command line: the screen gets the others.
        console.Write(ScreenRenderer.Render(content, width, height - 1));
        return writer.ToString().TrimEnd('\n').Split('\n');
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(100, 30)]
    [InlineData(160, 50)]
    public void The_screen_fits_the_terminal_with_map_who_and_prompts_on_it(int width, int height)
    {
        var lines = Draw(Busy(), width, height);

        Assert.True(lines.Length <= height - 1, $"{lines.Length} lines on a terminal of {height}:\n{string.Join('\n', lines)}");
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= width, $"{l.GetCellWidth()} cells: {l}"));
        var screen = string.Join('\n', lines);
        Assert.Contains("Map: what Tordek sees", lines[0]);
        Assert.Contains(" @ g", screen); // Tordek and the goblin beside him, though the room is larger than the panel
        Assert.Contains("@ Tordek at (30,20)", screen);
        Assert.Contains("#1 Tordek: your turn", screen);
    }

    [Fact]
    public void The_map_says_whose_view_it_is_and_a_masters_whole_map_says_so()
    {
        var looking = Busy();
        looking.State.View!.Viewer = MeId;
        Assert.Contains("Map: what Tordek sees", Draw(looking with { UserName = "gm", IsMaster = true }, 100, 30)[0]);
        var whole = Busy();
        Assert.Contains("Map (game master: everything)", Draw(whole with { UserName = "gm", IsMaster = true }, 100, 30)[0]);
    }

    [Theory]
    [InlineData(50, 24)]
    [InlineData(40, 12)]
    public void A_terminal_below_the_minimum_gets_one_column_that_still_fits(int width, int height)
    {
        var lines = Draw(Busy(), width, height);
        Assert.True(lines.Length <= height - 1);
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= width, l));
        Assert.Contains("Map: what Tordek sees", lines[0]);
    }

    [Fact]
    public void The_map_has_rulers_and_stays_centred_on_the_player_when_it_does_not_fit()
    {
        var lines = Draw(Busy(), 80, 24);
        var tens = lines[1];
        var units = lines[2];
        // Around x=30 the panel shows x=19..39: the tens 2 over x=20, 3 over x=30; units under them; y labels down the side.
        Assert.Matches(@"^│\s+9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 │", units);
        var twenty = units.IndexOf("0 1 2", StringComparison.Ordinal);
        Assert.Equal(('2', '3'), (tens[twenty], tens[twenty + 20]));
        Assert.Contains(lines, l => l.StartsWith("│ 20 . . . ", StringComparison.Ordinal) && l.Contains(" @ g "));
        var (x0, columns, y0, rows) = MapView.Window(new MapGrid(Busy().State.View!, Busy().State.Me), 80 - 32 - 4, 16, (30, 20));
        Assert.InRange(30, x0, x0 + columns - 1);
        Assert.InRange(20, y0, y0 + rows - 1);
    }

    [Fact]
    public void A_long_chat_line_is_folded_cut_to_a_few_lines_and_the_newest_stays_in_view()
    {
        var lines = Draw(Busy(chatWords: 2000), 80, 24);
        var screen = string.Join('\n', lines);
        Assert.True(lines.Length <= 23);
        Assert.Contains("carol: the last word", screen);
        Assert.Contains("…", screen);
        Assert.DoesNotContain("blah1999", screen);
        Assert.Contains("Map: what Tordek sees", lines[0]);

        // With room, the long line shows its start, folded to the panel, and ends in an ellipsis after a few lines.
        var wide = string.Join('\n', Draw(Busy(chatWords: 2000), 160, 50));
        Assert.Contains("bob: blah0 blah1", wide);
        Assert.DoesNotContain("blah1999", wide);
        Assert.Contains("carol: the last word", wide);
    }

    [Fact]
    public void The_screen_shows_no_host_serial_numbers()
    {
        var screen = string.Join('\n', Draw(Busy(), 160, 50));
        Assert.DoesNotContain("serial", screen);
        Assert.DoesNotContain("104", screen);
        Assert.Contains("move action", screen);
    }
}
