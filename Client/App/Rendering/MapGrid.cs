using Ikosa.Contracts;

namespace Ikosa.Client.App.Rendering;

public enum Light
{
    Unknown,
    Remembered,
    Visible,
}

/// <summary>One square as drawn: its glyph, how it is lit, and the creature on it if one is seen there.</summary>
public readonly record struct MapSquare(char Glyph, Light Light, TokenInfo? Token, bool IsActive);

/// <summary>
/// A view laid out as squares for drawing: seen squares lit, remembered ones dim, the rest unknown (blank), and creature
/// tokens on top. Only what the host sent is drawn, so the fog of war is the host's, not the client's.
/// </summary>
public sealed class MapGrid
{
    /// <summary>No map this app draws is larger; a bigger size from a confused host is cut, not allocated.</summary>
    private const int MaxSide = 256;

    private readonly MapSquare[,] _squares;

    public MapGrid(ViewInfo view, Guid? active)
    {
        Width = Math.Clamp(view.Width, 0, MaxSide);
        Height = Math.Clamp(view.Height, 0, MaxSide);
        _squares = new MapSquare[Width, Height];
        for (var x = 0; x < Width; x++)
            for (var y = 0; y < Height; y++)
                _squares[x, y] = new MapSquare(' ', Light.Unknown, null, false);
        Place(view.Remembered, Light.Remembered);
        Place(view.Visible, Light.Visible);
        foreach (var token in view.Creatures.Where(t => Inside(t.X, t.Y)))
        {
            var under = _squares[token.X, token.Y];
            var isActive = token.Id == active;
            _squares[token.X, token.Y] = new MapSquare(isActive ? '@' : TokenGlyph(token, view), under.Light == Light.Unknown ? Light.Visible : under.Light, token, isActive);
        }
    }

    public int Width { get; }

    public int Height { get; }

    public MapSquare this[int x, int y] => _squares[x, y];

    /// <summary>Heroes by capital initial, others in lower case; the last digit of a numbered name tells "Goblin 1" from "Goblin 2".</summary>
    public static char TokenGlyph(TokenInfo token, ViewInfo view)
    {
        var name = token.Name.Trim();
        if (name.Length == 0)
            return '?';
        var sameInitial = view.Creatures.Count(c => c.Name.Length > 0 && char.ToLowerInvariant(c.Name.Trim()[0]) == char.ToLowerInvariant(name[0]));
        var glyph = sameInitial > 1 && char.IsDigit(name[^1]) ? name[^1] : name[0];
        return token.Team == "heroes" ? char.ToUpperInvariant(glyph) : char.ToLowerInvariant(glyph);
    }

    public static char TerrainGlyph(string terrain, Light light) => (terrain, light) switch
    {
        (_, Light.Unknown) => ' ',
        ("wall", Light.Visible) => '#',
        ("wall", _) => '%',
        ("floor", Light.Visible) => '.',
        ("floor", _) => ',',
        ("door-closed", _) => '+',
        ("door-open", _) => '/',
        _ => '?',
    };

    private void Place(IEnumerable<CellInfo> cells, Light light)
    {
        foreach (var cell in cells.Where(c => Inside(c.X, c.Y)))
            _squares[cell.X, cell.Y] = new MapSquare(TerrainGlyph(cell.Terrain, light), light, null, false);
    }

    private bool Inside(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height;
}
