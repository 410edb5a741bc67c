using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Host.Mapping;

namespace Ikosa.Host.Game;

/// <summary>
/// Views already made, so that asking again costs little. Whole views, with the commit serial they were made at: while no
/// commit has happened since, the same view is still true and is served without entering the gate. And each creature's
/// cell lists (the squares it sees and those it remembers, with their terrain), with what they were made from: the
/// squares seen (one array per field of view, see <see cref="FieldOfView"/>), the scene, the explored blocks and the map
/// chunks under them. Those are immutable, so while each is the same object the lists are still right: after a commit
/// that did not touch them (someone else moved), a view maps only the creatures it sees again. Each list made gets a
/// new <see cref="CellLists.Version"/>, so that a client that has it can be sent a view without its cells.
/// </summary>
public sealed class ViewCache
{
    private readonly ConcurrentDictionary<Guid, ViewInfo> _views = new();
    private readonly ConcurrentDictionary<EntityId, Cells> _cells = new();
    private readonly ConcurrentDictionary<EntityId, WholeMap> _wholeMaps = new();
    private readonly ConcurrentDictionary<EntityId, TokenVersions> _masterTokens = new();

    // Versions start at a random number, so that one named by a client of an earlier run of the host names nothing now.
    private long _lastVersion = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public ViewInfo? Find(Guid creature, long currentSerial) =>
        _views.TryGetValue(creature, out var view) && view.Serial == currentSerial ? view : null;

    public void Store(Guid creature, ViewInfo view) => _views[creature] = view;

    /// <summary>
    /// The cell lists of the view <paramref name="perception"/> gives, on <paramref name="map"/> as <paramref name="reader"/>
    /// sees it. <paramref name="record"/> (null: nothing is recorded) adds what is seen to what the viewer remembers; it is
    /// called only when the lists must be made again, since lists made after recording, from the same squares seen and the
    /// same explored blocks, prove there is nothing new to record.
    /// </summary>
    public CellLists CellsOf(IModelReader reader, SceneMap map, PerceptionView perception, Func<bool>? record = null)
    {
        var (explored, terrain) = Inputs(reader, map, perception.Viewer.Id);
        if (_cells.TryGetValue(perception.Viewer.Id, out var known) && known.AreFor(map.Scene, perception.VisibleCells, explored, terrain) &&
            (known.Recorded || record is null))
            return known.Lists;
        if (record is not null && record())
            (explored, terrain) = Inputs(reader, map, perception.Viewer.Id);

        var seen = perception.VisibleCells.ToHashSet();
        var lists = new CellLists(
            GameMapper.ToCells(map, perception.VisibleCells),
            GameMapper.ToCells(map, Exploration.Remembered(map, explored).Where(c => !seen.Contains(c))),
            Interlocked.Increment(ref _lastVersion));
        _cells[perception.Viewer.Id] = new Cells(map.Scene, perception.VisibleCells, explored, terrain, record is not null, lists);
        return lists;
    }

    /// <summary>
    /// Every square of <paramref name="map"/> with its terrain, row by row, for the master's view: made again only when the
    /// scene or one of its map chunks is another object (a door opened, a master's edit), not after every move.
    /// </summary>
    public CellLists WholeMapOf(SceneMap map)
    {
        var chunks = new MapChunk?[map.ChunksAcross * map.ChunksDown];
        for (var i = 0; i < chunks.Length; i++)
            chunks[i] = map.ChunkAt(i % map.ChunksAcross, i / map.ChunksAcross);
        if (_wholeMaps.TryGetValue(map.Id, out var known) && ReferenceEquals(known.Scene, map.Scene) && Cells.Same(chunks, known.Terrain))
            return known.Lists;
        var all = Enumerable.Range(0, map.Height).SelectMany(y => Enumerable.Range(0, map.Width).Select(x => new Cell(x, y)));
        var lists = new CellLists(GameMapper.ToCells(map, all), [], Interlocked.Increment(ref _lastVersion));
        _wholeMaps[map.Id] = new WholeMap(map.Scene, chunks, lists);
        return lists;
    }

    /// <summary>The version that names <paramref name="tokens"/>, the creatures of the master's whole map of <paramref name="scene"/>.</summary>
    public long NameTokens(EntityId scene, List<TokenInfo> tokens) =>
        _masterTokens.GetOrAdd(scene, _ => new TokenVersions()).Name(tokens, () => Interlocked.Increment(ref _lastVersion));

    /// <summary>
    /// The creatures of <paramref name="now"/> (named before with <see cref="NameTokens"/>) new or changed since the list
    /// named <paramref name="known"/>, and those gone; null when that list is not one of the few kept.
    /// </summary>
    public (List<TokenInfo> Put, List<Guid> Gone)? TokensSince(EntityId scene, long known, List<TokenInfo> now) =>
        _masterTokens.TryGetValue(scene, out var versions) ? versions.Since(known, now) : null;

    /// <summary>The explored blocks of the viewer and the map chunks under them: what its remembered cells are made from.</summary>
    private static (ExploredChunk?[] Explored, MapChunk?[] Terrain) Inputs(IModelReader reader, SceneMap map, EntityId viewer)
    {
        var explored = Exploration.Blocks(reader, viewer, map);
        var terrain = new MapChunk?[explored.Length];
        for (var i = 0; i < explored.Length; i++)
            if (explored[i] is not null) terrain[i] = map.ChunkAt(i % map.ChunksAcross, i / map.ChunksAcross);
        return (explored, terrain);
    }

    /// <summary>The last few creature lists of one scene's whole map, by version; a client names the one it has.</summary>
    private sealed class TokenVersions
    {
        private const int Kept = 8;
        private readonly List<(long Version, Dictionary<Guid, TokenInfo> Tokens)> _recent = new();

        public long Name(List<TokenInfo> tokens, Func<long> newVersion)
        {
            lock (_recent)
            {
                if (_recent.Count > 0 && SameAs(_recent[^1].Tokens, tokens))
                    return _recent[^1].Version;
                var version = newVersion();
                _recent.Add((version, tokens.ToDictionary(t => t.Id)));
                if (_recent.Count > Kept)
                    _recent.RemoveAt(0);
                return version;
            }
        }

        public (List<TokenInfo> Put, List<Guid> Gone)? Since(long known, List<TokenInfo> now)
        {
            Dictionary<Guid, TokenInfo>? then;
            lock (_recent)
                then = _recent.FirstOrDefault(r => r.Version == known).Tokens;
            if (then is null)
                return null;
            var put = now.Where(t => !then.TryGetValue(t.Id, out var before) || !Same(before, t)).ToList();
            var ids = now.Select(t => t.Id).ToHashSet();
            return (put, [.. then.Keys.Where(id => !ids.Contains(id))]);
        }

        private static bool SameAs(Dictionary<Guid, TokenInfo> then, List<TokenInfo> now) =>
            then.Count == now.Count && now.All(t => then.TryGetValue(t.Id, out var before) && Same(before, t));

        private static bool Same(TokenInfo a, TokenInfo b) =>
            (a.Name, a.Team, a.X, a.Y, a.Icon, a.State) == (b.Name, b.Team, b.X, b.Y, b.Icon, b.State);
    }

    private sealed record WholeMap(Scene Scene, MapChunk?[] Terrain, CellLists Lists);

    private sealed record Cells(Scene Scene, ImmutableArray<Cell> Seen, ExploredChunk?[] Explored, MapChunk?[] Terrain, bool Recorded, CellLists Lists)
    {
        public bool AreFor(Scene scene, ImmutableArray<Cell> seen, ExploredChunk?[] explored, MapChunk?[] terrain) =>
            ReferenceEquals(scene, Scene) && seen == Seen && Same(explored, Explored) && Same(terrain, Terrain);

        public static bool Same<T>(T?[] now, T?[] then) where T : class
        {
            if (now.Length != then.Length) return false;
            for (var i = 0; i < now.Length; i++)
                if (!ReferenceEquals(now[i], then[i])) return false;
            return true;
        }
    }
}

/// <summary>A view's cell lists (shared between views: nobody changes them) and the version that names them.</summary>
public sealed record CellLists(List<CellInfo> Visible, List<CellInfo> Remembered, long Version);
