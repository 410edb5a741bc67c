namespace Ikosa.Engine.Rules.Map;

/// <summary>What fills a square of a map. A closed door blocks like a wall; difficult terrain costs double to enter.</summary>
public enum Terrain : byte
{
    Floor,
    Wall,
    Difficult,
    ClosedDoor,
    OpenDoor,
}

/// <summary>The one character each terrain is stored as in a map's rows (and written as in a campaign's default legend).</summary>
public static class TerrainCodes
{
    public const char Floor = '.';
    public const char Wall = '#';
    public const char Difficult = '~';
    public const char ClosedDoor = '+';
    public const char OpenDoor = '/';

    public static char ToCode(this Terrain terrain) => terrain switch
    {
        Terrain.Wall => Wall,
        Terrain.Difficult => Difficult,
        Terrain.ClosedDoor => ClosedDoor,
        Terrain.OpenDoor => OpenDoor,
        _ => Floor,
    };

    /// <summary>The terrain a stored character stands for; anything unknown reads as a wall, which is the safe side.</summary>
    public static Terrain FromCode(char code) => code switch
    {
        Floor => Terrain.Floor,
        Difficult => Terrain.Difficult,
        ClosedDoor => Terrain.ClosedDoor,
        OpenDoor => Terrain.OpenDoor,
        _ => Terrain.Wall,
    };

    public static bool IsDoor(this Terrain terrain) => terrain is Terrain.ClosedDoor or Terrain.OpenDoor;

    /// <summary>Walls and closed doors stop movement and sight alike.</summary>
    public static bool Blocks(this Terrain terrain) => terrain is Terrain.Wall or Terrain.ClosedDoor;
}
