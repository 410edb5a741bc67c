using System.Globalization;
using System.Text;

namespace Ikosa.Client.App.Rendering;

/// <summary>
/// The part of a map that fits a panel, centred on the creature looked through when the map is larger, with rulers:
/// x along the top (tens above units, once the map is wider than ten squares) and y down the left side.
/// </summary>
public static class MapView
{
    /// <summary>A square is a glyph and a space: terminal cells are twice as tall as wide, so squares look square.</summary>
    public const int CellWidth = 2;

    /// <summary>The lines of x ruler a map needs: units, and tens once x reaches 10.</summary>
    public static int RulerLines(MapGrid grid) => grid.Width > 10 ? 2 : 1;

    /// <summary>Lines the whole map takes: its rulers and its rows.</summary>
    public static int WantedLines(MapGrid grid) => RulerLines(grid) + grid.Height;

    /// <summary>Cells the whole map takes across: the y labels and its squares.</summary>
    public static int WantedWidth(MapGrid grid) => LabelWidth(grid) + 1 + Math.Max(0, grid.Width * CellWidth - 1);

    /// <summary>The map as markup lines, at most <paramref name="width"/> cells wide and <paramref name="height"/> lines tall.</summary>
    /// <param name="focus">The square to keep in view (the viewer), centred when the map does not fit.</param>
    public static IReadOnlyList<string> Markup(MapGrid grid, int width, int height, (int X, int Y)? focus)
    {
        var (x0, columns, y0, rows) = Window(grid, width, height, focus);
        var label = LabelWidth(grid);
        var lines = Rulers(x0, columns, CellWidth, grid.Width > 10).Select(r => new string(' ', label + 1) + r).ToList();
        if (rows <= 0 || columns <= 0)
            return [];
        for (var y = y0; y < y0 + rows; y++)
        {
            var line = new StringBuilder(Number(y).PadLeft(label)).Append(' ');
            for (var x = x0; x < x0 + columns; x++)
            {
                var square = grid[x, y];
                line.Append('[').Append(Style(square)).Append(']').Append(TerminalText.Markup(square.Glyph.ToString())).Append("[/]");
                if (x < x0 + columns - 1)
                    line.Append(' ');
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Which squares fit: the first column and row shown, and how many of each.</summary>
    public static (int X0, int Columns, int Y0, int Rows) Window(MapGrid grid, int width, int height, (int X, int Y)? focus)
    {
        var columns = Math.Clamp((width - LabelWidth(grid) - 1 + 1) / CellWidth, 0, grid.Width);
        var rows = Math.Clamp(height - RulerLines(grid), 0, grid.Height);
        var (fx, fy) = focus ?? (grid.Width / 2, grid.Height / 2);
        var x0 = Math.Clamp(fx - columns / 2, 0, grid.Width - columns);
        var y0 = Math.Clamp(fy - rows / 2, 0, grid.Height - rows);
        return (x0, columns, y0, rows);
    }

    /// <summary>
    /// The x ruler for columns <paramref name="x0"/> onwards, <paramref name="stride"/> cells apart: with
    /// <paramref name="tens"/>, a line of tens (10 over x=10..19, written at x=10) above the line of units.
    /// </summary>
    public static IReadOnlyList<string> Rulers(int x0, int columns, int stride, bool tens)
    {
        var units = new StringBuilder();
        for (var x = x0; x < x0 + columns; x++)
            units.Append((char)('0' + x % 10)).Append(' ', x < x0 + columns - 1 ? stride - 1 : 0);
        if (!tens)
            return [units.ToString()];
        var top = new char[Math.Max(0, units.Length)];
        Array.Fill(top, ' ');
        for (var x = x0; x < x0 + columns; x++)
        {
            // The first column is labelled too unless a round ten follows so closely that the labels would touch.
            var labelled = x % 10 == 0 || (x == x0 && 10 - x % 10 > 3);
            var text = Number(x / 10);
            var at = (x - x0) * stride;
            if (labelled && at + text.Length <= top.Length)
                text.CopyTo(top.AsSpan(at));
        }
        return [new string(top).TrimEnd(), units.ToString()];
    }

    private static int LabelWidth(MapGrid grid) => Number(Math.Max(0, grid.Height - 1)).Length;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Style(MapSquare square) => square switch
    {
        { IsActive: true } => "bold black on yellow",
        { Token.Team: "heroes" } => "bold green",
        { Token: not null } => "bold red",
        { Light: Light.Visible, Glyph: '#' } => "bold white",
        { Light: Light.Visible } => "white",
        { Light: Light.Remembered } => "grey35",
        _ => "default",
    };
}
