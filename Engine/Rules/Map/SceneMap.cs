using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// A scene's terrain as one transaction reads it: O(1) per square, loading each <see cref="MapChunk"/> once, when first
/// needed. Squares beyond the scene's edge are walls. Read it again after changing the map: it does not see later writes.
/// A scene with no stored map (or no scene at all) is an open field.
/// </summary>
public sealed class SceneMap
{
    private readonly Func<int, int, MapChunk?> _load;
    private readonly MapChunk?[] _chunks;
    private readonly bool[] _loaded;
    private readonly int _chunksAcross;

    private SceneMap(Scene scene, Func<int, int, MapChunk?> load)
    {
        Scene = scene;
        _load = load;
        _chunksAcross = ChunksFor(scene.Width);
        _chunks = new MapChunk?[_chunksAcross * ChunksFor(scene.Height)];
        _loaded = new bool[_chunks.Length];
    }

    public Scene Scene { get; }

    public EntityId Id => Scene.Id;

    public string Name => Scene.Name;

    public int Width => Scene.Width;

    public int Height => Scene.Height;

    /// <summary>How many <see cref="MapChunk"/>s make a row of the map, and how many rows of them there are.</summary>
    public int ChunksAcross => _chunksAcross;

    public int ChunksDown => ChunksFor(Height);

    /// <summary>The map of <paramref name="scene"/> as <paramref name="reader"/> sees it now.</summary>
    public static SceneMap Of(IModelReader reader, EntityId scene) =>
        new(reader.Find<Scene>(scene) ?? Scene.OpenField(scene), (x, y) => reader.Find<MapChunk>(MapChunk.KeyFor(scene, x, y)));

    /// <summary>
    /// A map from rows of terrain codes ('#' wall, '+' closed door, '/' open door, '~' difficult, anything else floor;
    /// short rows end in walls), held in memory: to build a scene with <see cref="Entities"/>, or to test sight lines.
    /// </summary>
    public static SceneMap FromRows(string name, IReadOnlyList<string> rows, EntityId? id = null)
    {
        var scene = new Scene(id ?? Scene.Default, name, rows.Count == 0 ? 0 : rows.Max(r => r.Length), rows.Count);
        var chunks = new Dictionary<(int, int), MapChunk>();
        for (var cy = 0; cy < ChunksFor(scene.Height); cy++)
        for (var cx = 0; cx < ChunksFor(scene.Width); cx++)
        {
            var block = ImmutableArray.CreateBuilder<string>(MapChunk.Size);
            for (var y = cy * MapChunk.Size; y < (cy + 1) * MapChunk.Size; y++)
            {
                var row = new char[MapChunk.Size];
                for (var x = 0; x < MapChunk.Size; x++)
                {
                    var source = y < rows.Count && cx * MapChunk.Size + x < rows[y].Length ? rows[y][cx * MapChunk.Size + x] : TerrainCodes.Wall;
                    row[x] = Normalize(source);
                }
                block.Add(new string(row));
            }
            chunks[(cx, cy)] = new MapChunk(MapChunk.KeyFor(scene.Id, cx, cy), scene.Id, cx, cy, block.MoveToImmutable());
        }
        return new SceneMap(scene, (x, y) => chunks.GetValueOrDefault((x, y)));
    }

    /// <summary>The scene and its chunks, to put into a game.</summary>
    public IEnumerable<Entity> Entities()
    {
        yield return Scene;
        for (var i = 0; i < _chunks.Length; i++)
            if (Chunk(i % _chunksAcross, i / _chunksAcross) is { } chunk)
                yield return chunk;
    }

    public bool Contains(Cell cell) => Scene.Contains(cell);

    public Terrain TerrainAt(Cell cell)
    {
        if (!Contains(cell)) return Terrain.Wall;
        var (cx, cy) = MapChunk.Of(cell);
        return Chunk(cx, cy)?.TerrainAt(cell) ?? Terrain.Floor;
    }

    /// <summary>Walls, closed doors and the world beyond the edge stop movement and sight alike.</summary>
    public bool Blocks(Cell cell) => TerrainAt(cell).Blocks();

    public bool IsDoor(Cell cell) => TerrainAt(cell).IsDoor();

    public bool IsDifficult(Cell cell) => TerrainAt(cell) == Terrain.Difficult;

    /// <summary>The chunk holding <paramref name="cell"/> with its terrain changed, to put (for a door, or a master's edit).</summary>
    public MapChunk WithTerrain(Cell cell, Terrain terrain)
    {
        if (!Contains(cell)) throw new ArgumentOutOfRangeException(nameof(cell), $"{cell} is outside {Name}");
        var (cx, cy) = MapChunk.Of(cell);
        var chunk = Chunk(cx, cy) ?? new MapChunk(MapChunk.KeyFor(Id, cx, cy), Id, cx, cy,
            [.. Enumerable.Repeat(new string(TerrainCodes.Floor, MapChunk.Size), MapChunk.Size)]);
        return chunk.With(cell, terrain);
    }

    /// <summary>The map as rows of terrain codes, one per row of the scene.</summary>
    public IEnumerable<string> Rows()
    {
        var row = new char[Width];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++) row[x] = TerrainAt(new Cell(x, y)).ToCode();
            yield return new string(row);
        }
    }

    /// <summary>The chunk at chunk coordinates (<paramref name="cx"/>, <paramref name="cy"/>) of the scene, null where none is stored.</summary>
    public MapChunk? ChunkAt(int cx, int cy) => Chunk(cx, cy);

    private MapChunk? Chunk(int cx, int cy)
    {
        var index = cy * _chunksAcross + cx;
        if (!_loaded[index])
        {
            _chunks[index] = _load(cx, cy);
            _loaded[index] = true;
        }
        return _chunks[index];
    }

    private static int ChunksFor(int squares) => (squares + MapChunk.Size - 1) / MapChunk.Size;

    private static char Normalize(char code) => code switch
    {
        TerrainCodes.Wall or TerrainCodes.ClosedDoor or TerrainCodes.OpenDoor or TerrainCodes.Difficult => code,
        _ => TerrainCodes.Floor,
    };
}
