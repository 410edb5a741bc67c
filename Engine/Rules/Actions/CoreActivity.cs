using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>A request to act: this creature takes that action (by key) at these targets.</summary>
public sealed record CoreActivity(EntityId Actor, string ActionKey, ImmutableList<AimTarget> Targets)
{
    public CoreActivity(EntityId actor, string actionKey, params AimTarget[] targets) : this(actor, actionKey, targets.ToImmutableList())
    {
    }

    public ImmutableList<EntityId> CreaturesFor(string key) =>
        Targets?.FirstOrDefault(t => t.Key == key)?.Creatures ?? ImmutableList<EntityId>.Empty;

    public ImmutableList<Cell> CellsFor(string key) =>
        Targets?.FirstOrDefault(t => t.Key == key)?.Cells ?? ImmutableList<Cell>.Empty;
}
