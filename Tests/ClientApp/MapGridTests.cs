using Ikosa.Client.App.Rendering;
using Ikosa.Contracts;

namespace Ikosa.Tests.ClientApp;

public class MapGridTests
{
    private static readonly Guid MeId = Guid.NewGuid();

    /// <summary>A 4x3 view: the left two columns seen, the third remembered, the fourth unknown; a goblin seen at (1,1).</summary>
    private static ViewInfo View() => new()
    {
        Width = 4,
        Height = 3,
        Visible = [Cell(0, 0, "wall"), Cell(1, 0, "wall"), Cell(0, 1, "floor"), Cell(1, 1, "floor"), Cell(0, 2, "door-closed"), Cell(1, 2, "floor")],
        Remembered = [Cell(2, 0, "wall"), Cell(2, 1, "floor"), Cell(2, 2, "door-open")],
        Creatures = [new TokenInfo { Id = Guid.NewGuid(), Name = "Goblin 1", Team = "monsters", X = 1, Y = 1 }],
    };

    private static CellInfo Cell(int x, int y, string terrain) => new() { X = x, Y = y, Terrain = terrain };

    private static CreatureInfo Me(int x, int y) => new() { Id = MeId, Name = "Tordek", Team = "heroes", X = x, Y = y, HitPoints = 45, MaxHitPoints = 45 };

    [Fact]
    public void Seen_squares_are_lit_remembered_ones_dim_and_the_rest_unknown()
    {
        var grid = new MapGrid(View(), Me(0, 1));
        Assert.Equal(('#', Light.Visible), (grid[0, 0].Glyph, grid[0, 0].Light));
        Assert.Equal(('%', Light.Remembered), (grid[2, 0].Glyph, grid[2, 0].Light));
        Assert.Equal((',', Light.Remembered), (grid[2, 1].Glyph, grid[2, 1].Light));
        Assert.Equal(('+', Light.Visible), (grid[0, 2].Glyph, grid[0, 2].Light));
        Assert.Equal(('/', Light.Remembered), (grid[2, 2].Glyph, grid[2, 2].Light));
        Assert.Equal((' ', Light.Unknown), (grid[3, 1].Glyph, grid[3, 1].Light));
    }

    [Fact]
    public void The_viewer_is_drawn_as_at_sign_and_others_by_initial()
    {
        var grid = new MapGrid(View(), Me(0, 1));
        Assert.True(grid[0, 1].IsActive);
        Assert.Equal('@', grid[0, 1].Glyph);
        Assert.Equal('g', grid[1, 1].Glyph);
    }

    [Fact]
    public void The_plain_map_is_exactly_what_the_view_holds()
    {
        var lines = PlainText.Map(View(), Me(0, 1)).ToList();
        Assert.Equal("   0123", lines[0]);
        Assert.Equal(" 0 ##%", lines[1]);
        Assert.Equal(" 1 @g,", lines[2]);
        Assert.Equal(" 2 +./", lines[3]);
        Assert.Contains("   g Goblin 1 (1,1) ", lines);
    }

    [Fact]
    public void Tokens_and_cells_outside_the_map_are_ignored_and_a_huge_size_is_cut()
    {
        var view = View();
        view.Creatures.Add(new TokenInfo { Name = "Ghost", X = 99, Y = -3 });
        view.Visible.Add(Cell(-1, 7, "floor"));
        var grid = new MapGrid(view, null);
        Assert.Equal(4, grid.Width);

        var huge = new MapGrid(new ViewInfo { Width = int.MaxValue, Height = 2 }, null);
        Assert.True(huge.Width <= 256);
    }

    [Fact]
    public void The_markup_colours_the_fog_and_escapes_names()
    {
        var markup = string.Join('\n', MapView.Markup(new MapGrid(View(), Me(0, 1)), 80, 24, (0, 1)));
        Assert.Contains("[grey35]%[/]", markup);
        Assert.Contains("[bold black on yellow]@[/]", markup);
        Assert.Contains("[bold red]g[/]", markup);
        // The markup is valid Spectre markup: rendering it does not throw.
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new StringWriter()) });
        console.Write(new Spectre.Console.Markup(markup));
    }
}
