using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>What a user aimed for one aiming mode (by its key): creatures, or squares.</summary>
public sealed record AimTarget(string Key, ImmutableList<EntityId>? Creatures = null, ImmutableList<Cell>? Cells = null)
{
    public static AimTarget AtCreature(string key, EntityId creature) => new(key, Creatures: [creature]);

    public static AimTarget AtCell(string key, Cell cell) => new(key, Cells: [cell]);

    public static AimTarget AlongPath(string key, params Cell[] path) => new(key, Cells: path.ToImmutableList());
}
