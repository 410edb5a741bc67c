using Ikosa.Client.App.Interactive;

namespace Ikosa.Tests.ClientApp;

/// <summary>A long answer such as 'help' read whole, a page at a time, in a terminal of any size.</summary>
public class PagerTests
{
    private static readonly string[] Help = Enumerable.Range(1, 40)
        .Select(i => $"{"command" + i,-34} what command {i} does, explained at some length so that it folds on a narrow terminal")
        .ToArray();

    private static ConsoleKeyInfo Key(ConsoleKey key, char ch = '\0') => new(ch, key, false, false, false);

    [Theory]
    [InlineData(80, 23)]
    [InlineData(160, 49)]
    public void Every_line_is_on_some_page_and_no_page_is_taller_or_wider_than_the_terminal(int width, int height)
    {
        var pager = new Pager("help", Help);
        var seen = new List<string>();
        var pages = pager.PageCount(width, height);
        for (var page = 0; page < pages; page++)
        {
            var screen = pager.Render(width, height);
            Assert.True(screen.Count <= height);
            Assert.All(screen, l => Assert.True(Spectre.Console.Markup.Remove(l).Length <= width, l));
            Assert.Contains($"page {page + 1}/{pages}", screen[^1]);
            seen.AddRange(screen.Skip(1).SkipLast(1).Select(Spectre.Console.Markup.Remove));
            Assert.Equal(page < pages - 1, pager.Handle(Key(ConsoleKey.Spacebar, ' '), width, height));
        }
        var text = string.Join(' ', seen.Select(l => l.Trim()));
        foreach (var i in new[] { 1, 17, 40 })
            Assert.Contains($"what command {i} does, explained at some length so that it folds on a narrow terminal", text);
    }

    [Fact]
    public void B_goes_back_a_page_and_q_returns_to_the_game()
    {
        var pager = new Pager("help", Help);
        Assert.True(pager.Handle(Key(ConsoleKey.Spacebar, ' '), 80, 23));
        Assert.Contains("page 2/", pager.Render(80, 23)[^1]);
        Assert.True(pager.Handle(Key(ConsoleKey.B, 'b'), 80, 23));
        Assert.Contains("page 1/", pager.Render(80, 23)[^1]);
        Assert.False(pager.Handle(Key(ConsoleKey.Q, 'q'), 80, 23));
    }

    [Fact]
    public void A_two_column_line_folds_under_its_second_column()
    {
        var screen = new Pager("help", [Help[0]]).Render(80, 23);
        Assert.StartsWith("command1 ", Spectre.Console.Markup.Remove(screen[1]));
        Assert.Matches(@"^ {35}\S", Spectre.Console.Markup.Remove(screen[2]));
    }
}
