using Ikosa.Client.App.Rendering;

namespace Ikosa.Tests.ClientApp;

/// <summary>How the screen's lines are shared out: never more than the terminal has, the least needed panels folding first.</summary>
public class ScreenLayoutTests
{
    [Theory]
    [InlineData(23)]
    [InlineData(49)]
    [InlineData(10)]
    [InlineData(2)]
    public void A_column_never_takes_more_lines_than_the_terminal_has(int height)
    {
        PanelNeed[] panels = [new(40, 3, 0), new(500, 3, 1, Fills: true), new(6, 1, 2), new(8, 1, 4)];
        var lines = ScreenLayout.Stack(panels, height);
        Assert.True(lines.Where(n => n > 0).Sum(n => n + ScreenLayout.Border) <= height);
    }

    [Fact]
    public void The_most_important_panels_get_what_they_want_and_the_filler_gets_the_rest()
    {
        // map 13 lines, log (fills) 100 lines, on 23 lines: the map whole, the log the 6 left over.
        Assert.Equal([13, 6], ScreenLayout.Stack([new(13, 3, 0), new(100, 3, 1, Fills: true)], 23));
        // A map too tall for the terminal shrinks, but the log keeps its minimum.
        Assert.Equal([16, 3], ScreenLayout.Stack([new(256, 3, 0), new(100, 3, 1, Fills: true)], 23));
    }

    [Fact]
    public void When_room_is_short_the_least_needed_panels_fold_away()
    {
        // who (0), chat (3, fills), actions (4), dice (5) on 10 lines: who, chat and actions fit at their least; dice folds.
        var lines = ScreenLayout.Stack([new(3, 1, 0), new(9, 2, 3, Fills: true), new(5, 1, 4), new(4, 1, 5)], 10);
        Assert.Equal([1, 2, 1, 0], lines);
    }

    [Theory]
    [InlineData(80, 32)]
    [InlineData(160, 62)]
    [InlineData(59, 0)]
    public void The_side_column_shrinks_with_the_terminal_and_folds_under_the_map_when_narrow(int width, int side) =>
        Assert.Equal(side, ScreenLayout.SideWidth(width));
}
