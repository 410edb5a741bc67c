using Ikosa.Client.App.Rendering;
using Spectre.Console;

namespace Ikosa.Client.App.Interactive;

/// <summary>
/// A long answer (help, the log, the dice) in a view of its own, a page at a time: Space, Enter or Page Down for the
/// next page, b, Backspace or Page Up for the one before, q or Escape back to the game (as does Space on the last page).
/// Lines are folded to the terminal's width when drawn, so a resize reflows them.
/// </summary>
public sealed class Pager(string title, IReadOnlyList<string> lines)
{
    private int _page;

    public string Title { get; } = title;

    /// <summary>Applies one key; false when the pager closes and the game screen comes back.</summary>
    public bool Handle(ConsoleKeyInfo key, int width, int height)
    {
        var pages = PageCount(width, height);
        switch (key.Key)
        {
            case ConsoleKey.Escape or ConsoleKey.Q:
                return false;
            case ConsoleKey.Spacebar or ConsoleKey.Enter or ConsoleKey.PageDown or ConsoleKey.DownArrow:
                if (_page >= pages - 1)
                    return false;
                _page++;
                return true;
            case ConsoleKey.B or ConsoleKey.Backspace or ConsoleKey.PageUp or ConsoleKey.UpArrow:
                _page = Math.Max(0, _page - 1);
                return true;
            default:
                return true;
        }
    }

    /// <summary>The title line, the page's lines, and the footer last: at most <paramref name="height"/> lines in all.</summary>
    public IReadOnlyList<string> Render(int width, int height)
    {
        var folded = Fold(width);
        var perPage = PerPage(height);
        var pages = Math.Max(1, (folded.Count + perPage - 1) / perPage);
        _page = Math.Clamp(_page, 0, pages - 1);
        var screen = new List<string> { $"[bold]{TerminalText.Markup(Cut(Title, width))}[/]" };
        screen.AddRange(folded.Skip(_page * perPage).Take(perPage).Select(Markup.Escape));
        var footer = _page < pages - 1
            ? $"page {_page + 1}/{pages}: Space next, b back, q to the game"
            : $"page {_page + 1}/{pages}: Space or q to the game{(pages > 1 ? ", b back" : "")}";
        screen.Add($"[grey]{Markup.Escape(Cut(footer, width))}[/]");
        return screen;
    }

    public int PageCount(int width, int height) => Math.Max(1, (Fold(width).Count + PerPage(height) - 1) / PerPage(height));

    /// <summary>The lines between the title and the footer.</summary>
    private static int PerPage(int height) => Math.Max(1, height - 2);

    private List<string> Fold(int width) =>
        lines.SelectMany(l => TextFold.Fold(TerminalText.Clean(l), Math.Max(10, width - 1), Indent(l, width))).ToList();

    /// <summary>A line in two columns ("use NAME      look through...") folds under its second column; others by 4.</summary>
    private static int Indent(string line, int width)
    {
        var gap = line.IndexOf("  ", StringComparison.Ordinal);
        var second = gap < 0 ? -1 : line.AsSpan(gap).IndexOfAnyExcept(' ');
        return second > 0 && gap + second < width / 2 ? gap + second : 4;
    }

    private static string Cut(string text, int width) => text.Length <= Math.Max(1, width - 1) ? text : text[..Math.Max(1, width - 1)];
}
