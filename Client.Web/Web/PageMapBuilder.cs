using System.Text;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Web;

/// <summary>
/// A view's squares as one string for the page, row by row, one character a square: a capital for a square seen now, the
/// small letter for one remembered (F floor, W wall, C closed door, O open door, D difficult, X anything else), '-' for
/// one never seen. A 256x256 map is 64 KiB of text, drawn by the page without parsing cells one by one.
/// </summary>
public static class PageMapBuilder
{
    public const char Unknown = '-';

    public static string Squares(ViewInfo view)
    {
        var squares = new char[view.Width * view.Height];
        Array.Fill(squares, Unknown);
        Put(squares, view, view.Remembered, seen: false);
        Put(squares, view, view.Visible, seen: true);
        return new string(squares);
    }

    private static void Put(char[] squares, ViewInfo view, List<CellInfo> cells, bool seen)
    {
        foreach (var cell in cells)
        {
            if (cell.X < 0 || cell.Y < 0 || cell.X >= view.Width || cell.Y >= view.Height)
                continue;
            var code = cell.Terrain switch
            {
                "floor" => 'F',
                "wall" => 'W',
                "door-closed" => 'C',
                "door-open" => 'O',
                "difficult" => 'D',
                _ => 'X',
            };
            squares[cell.Y * view.Width + cell.X] = seen ? code : char.ToLowerInvariant(code);
        }
    }

    /// <summary>The page's form of a code, for tests: e.g. 'F' is "floor, seen".</summary>
    public static string Describe(char code) => code == Unknown ? "unknown" : new StringBuilder()
        .Append(char.ToUpperInvariant(code) switch { 'F' => "floor", 'W' => "wall", 'C' => "door-closed", 'O' => "door-open", 'D' => "difficult", _ => "other" })
        .Append(char.IsUpper(code) ? ", seen" : ", remembered").ToString();
}
