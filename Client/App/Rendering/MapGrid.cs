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

    /// <param name="me">The creature looked through: drawn as '@' (the host's view lists only the others it sees).</param>
    public MapGrid(ViewInfo view, CreatureInfo? me)
    {
        Width = Math.Clamp(view.Width, 0, MaxSide);
        Height = Math.Clamp(view.Height, 0, MaxSide);
        _squares = new MapSquare[Width, Height];
        for (var x = 0; x < Width; x++)
            for (var y = 0; y < Height; y++)
                _squares[x, y] = new MapSquare(' ', Light.Unknown, null, false);
        Place(view.Remembered, Light.Remembered);
        Place(view.Visible, Light.Visible);
        var tokens = view.Creatures.Where(t => t.Id != me?.Id).ToList();
        if (me is not null)
            tokens.Add(new TokenInfo { Id = me.Id, Name = me.Name, Team = me.Team, X = me.X, Y = me.Y, State = me.State });
        foreach (var token in tokens.Where(t => Inside(t.X, t.Y)))
        {
            var under = _squares[token.X, token.Y];
            var isActive = token.Id == me?.Id;
            _squares[token.X, token.Y] = new MapSquare(isActive ? '@' : TokenGlyph(token), under.Light == Light.Unknown ? Light.Visible : under.Light, token, isActive);
        }
    }

    public int Width { get; }

    public int Height { get; }

    public MapSquare this[int x, int y] => _squares[x, y];

    /// <summary>Heroes by capital initial, everyone else in lower case; the legend beside the map tells which is where.</summary>
    public static char TokenGlyph(TokenInfo token)
    {
        var name = token.Name.Trim();
        if (name.Length == 0)
            return '?';
        return token.Team == "heroes" ? char.ToUpperInvariant(name[0]) : char.ToLowerInvariant(name[0]);
    }

    public static char TerrainGlyph(string terrain, Light light) => (terrain, light) switch
    {
        (_, Light.Unknown) => ' ',
        ("wall", Light.Visible) => '#',
        ("wall", _) => '%',
        ("floor", Light.Visible) => '.',
        ("floor", _) => ',',
        ("difficult", Light.Visible) => '~',
        ("difficult", _) => '-',
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
