using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// The squares of a scene seen from <see cref="Origin"/> by a creature whose sight reaches <see cref="Reach"/> squares:
/// each square within its sight (the d20 distance) with a clear <see cref="LineOfSight"/> to it, and its own square.
/// Which squares those are depends only on where the walls and closed doors are around it, so <see cref="Of"/> computes
/// it once and hands the same one to every later viewer at that square while the <see cref="MapChunk"/>s under its area
/// are unchanged (checked by reference: every change to a chunk is a new chunk). A creature that moves therefore
/// recomputes only its own field of view, and a door or a map edit only the fields whose area it lies in.
/// </summary>
public sealed class FieldOfView
{
    /// <summary>How many fields are kept: far more than the viewers of a game look from at once.</summary>
    internal const int Capacity = 2048;

    private static readonly ConcurrentDictionary<(EntityId Scene, int Width, int Height, Cell Origin, int Reach), FieldOfView> Recent = new();

    private readonly ulong[] _seen; // one bit per square of the area, row by row
    private readonly MapChunk?[] _chunks; // the chunks under the area when it was computed, row by row
    private readonly int _left, _top, _width, _height, _chunkLeft, _chunkTop, _chunksAcross;
    private ImmutableArray<Cell> _cells;

    private FieldOfView(Cell origin, int reach, int left, int top, int width, int height, ulong[] seen, MapChunk?[] chunks)
    {
        Origin = origin;
        Reach = reach;
        (_left, _top, _width, _height) = (left, top, width, height);
        _seen = seen;
        _chunks = chunks;
        (_chunkLeft, _chunkTop) = MapChunk.Of(new Cell(left, top));
        _chunksAcross = MapChunk.Of(new Cell(left + width - 1, top)).X - _chunkLeft + 1;
    }

    public Cell Origin { get; }

    /// <summary>How far the sight goes, in squares (feet of sight divided by five).</summary>
    public int Reach { get; }

    /// <summary>The squares seen, row by row from the top and left to right in each row.</summary>
    public ImmutableArray<Cell> Cells
    {
        get
        {
            if (_cells.IsDefault) _cells = ListCells(); // computed once on first use; a race makes the same list twice
            return _cells;
        }
    }

    /// <summary>
    /// The field of view from <paramref name="origin"/> (a square of <paramref name="map"/>) reaching
    /// <paramref name="reach"/> squares: a recent one when the terrain under its area is unchanged, else computed afresh.
    /// </summary>
    public static FieldOfView Of(SceneMap map, Cell origin, int reach)
    {
        if (!map.Contains(origin)) throw new ArgumentOutOfRangeException(nameof(origin), $"{origin} is outside {map.Name}");
        ArgumentOutOfRangeException.ThrowIfNegative(reach);
        var key = (map.Id, map.Width, map.Height, origin, reach);
        if (Recent.TryGetValue(key, out var recent) && recent.StillTrueOn(map) is { } current)
        {
            if (!ReferenceEquals(current, recent)) Recent[key] = current;
            return current;
        }
        var fresh = Compute(map, origin, reach);
        if (Recent.Count >= Capacity) Recent.Clear();
        Recent[key] = fresh;
        return fresh;
    }

    /// <summary>Whether <paramref name="cell"/> is seen (false for a square outside the area, so beyond sight or off the map).</summary>
    public bool Contains(Cell cell)
    {
        int x = cell.X - _left, y = cell.Y - _top;
        if (x < 0 || y < 0 || x >= _width || y >= _height) return false;
        var bit = y * _width + x;
        return (_seen[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>
    /// This field if the chunks under its area are the ones it was computed on; if some changed but no square of the area
    /// changed between blocking and not (a door opened out of reach, a floor made difficult), the same squares on the new
    /// chunks; otherwise null.
    /// </summary>
    private FieldOfView? StillTrueOn(SceneMap map)
    {
        MapChunk?[]? changed = null;
        for (var i = 0; i < _chunks.Length; i++)
        {
            var now = map.ChunkAt(_chunkLeft + i % _chunksAcross, _chunkTop + i / _chunksAcross);
            if (ReferenceEquals(now, _chunks[i])) continue;
            if (!SameBlocking(_chunks[i], now)) return null;
            (changed ??= (MapChunk?[])_chunks.Clone())[i] = now;
        }
        return changed is null ? this : new FieldOfView(Origin, Reach, _left, _top, _width, _height, _seen, changed);
    }

    /// <summary>Whether every square of the area that lies in these two versions of a chunk blocks in both or in neither.</summary>
    private bool SameBlocking(MapChunk? before, MapChunk? after)
    {
        if (before is null || after is null || before.ChunkX != after.ChunkX || before.ChunkY != after.ChunkY) return false;
        var left = Math.Max(_left, before.ChunkX * MapChunk.Size);
        var right = Math.Min(_left + _width, (before.ChunkX + 1) * MapChunk.Size);
        var top = Math.Max(_top, before.ChunkY * MapChunk.Size);
        var bottom = Math.Min(_top + _height, (before.ChunkY + 1) * MapChunk.Size);
        for (var y = top; y < bottom; y++)
        for (var x = left; x < right; x++)
        {
            var cell = new Cell(x, y);
            if (before.TerrainAt(cell).Blocks() != after.TerrainAt(cell).Blocks()) return false;
        }
        return true;
    }

    private static FieldOfView Compute(SceneMap map, Cell origin, int reach)
    {
        // The area is the square of the reach around the origin, clipped to the map: a square beyond it is farther than
        // the sight goes, and every line from the origin to a square of it passes only through squares of it.
        var left = Math.Max(0, origin.X - reach);
        var top = Math.Max(0, origin.Y - reach);
        var width = (int)Math.Min(map.Width - 1L, (long)origin.X + reach) - left + 1;
        var height = (int)Math.Min(map.Height - 1L, (long)origin.Y + reach) - top + 1;
        var area = new Area(left, top, width, new bool[width * height]);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            area.Blocked[y * width + x] = map.Blocks(new Cell(left + x, top + y));

        var seen = new ulong[(width * height + 63) / 64];
        var sight = (long)reach * Cell.Feet;
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var cell = new Cell(left + x, top + y);
            if (cell == origin || (origin.DistanceFeetTo(cell) <= sight && LineOfSight.IsClear(area, origin, cell)))
                seen[(y * width + x) >> 6] |= 1UL << ((y * width + x) & 63);
        }

        var (chunkLeft, chunkTop) = MapChunk.Of(new Cell(left, top));
        var (chunkRight, chunkBottom) = MapChunk.Of(new Cell(left + width - 1, top + height - 1));
        var chunks = new MapChunk?[(chunkRight - chunkLeft + 1) * (chunkBottom - chunkTop + 1)];
        for (var i = 0; i < chunks.Length; i++)
            chunks[i] = map.ChunkAt(chunkLeft + i % (chunkRight - chunkLeft + 1), chunkTop + i / (chunkRight - chunkLeft + 1));
        return new FieldOfView(origin, reach, left, top, width, height, seen, chunks);
    }

    private ImmutableArray<Cell> ListCells()
    {
        var cells = ImmutableArray.CreateBuilder<Cell>();
        for (var y = 0; y < _height; y++)
        for (var x = 0; x < _width; x++)
        {
            var bit = y * _width + x;
            if ((_seen[bit >> 6] & (1UL << (bit & 63))) != 0) cells.Add(new Cell(_left + x, _top + y));
        }
        return cells.ToImmutable();
    }

    /// <summary>Which squares of the area block, copied once from the map: the lines are then walked on a plain array.</summary>
    private readonly record struct Area(int Left, int Top, int Width, bool[] Blocked) : IBlockingGrid
    {
        public bool Blocks(int x, int y) => Blocked[(y - Top) * Width + x - Left];
    }
}
