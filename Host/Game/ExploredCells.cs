using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Host.Game;

/// <summary>The cells of one scene a creature has seen so far: its remembered map of that scene (fog of war).</summary>
public sealed record ExploredCells(EntityId Id, ImmutableHashSet<Cell> Cells) : Entity(Id)
{
    public const string TypeName = "host.explored-cells";

    public static EntityId KeyFor(EntityId creature, EntityId scene) => EntityId.Named($"explored:{creature}:{scene}");
}
