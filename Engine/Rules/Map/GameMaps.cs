using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Map;

/// <summary>Finds the game's map; a game without one plays on an open field.</summary>
public static class GameMaps
{
    public static readonly GameMap OpenField =
        new(GameMap.Key, "open field", 64, 64, ImmutableHashSet<Cell>.Empty, ImmutableList<Door>.Empty);

    public static GameMap Of(IModelReader reader) => reader.Find<GameMap>(GameMap.Key) ?? OpenField;
}
