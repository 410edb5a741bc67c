using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Sample;

/// <summary>The ids of the sample campaign's creatures (stable: the same in every game made from it).</summary>
public sealed record SampleParty(EntityId Tordek, EntityId Mialee, EntityId Jozan, EntityId Lidda, ImmutableList<EntityId> Goblins, ImmutableList<EntityId> Orcs)
{
    public ImmutableList<EntityId> Heroes => [Tordek, Mialee, Jozan, Lidda];

    public ImmutableList<EntityId> Monsters => Goblins.AddRange(Orcs);
}
