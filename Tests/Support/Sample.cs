using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Tests.Support;

/// <summary>The well-known users and ids of the sample campaign folder (Host/Campaigns/Sample): the same in every game made from it.</summary>
public static class Sample
{
    public static readonly string[] Players = ["alice", "bob", "carol", "dave"];

    public static readonly EntityId Tordek = Id("tordek");
    public static readonly EntityId Mialee = Id("mialee");
    public static readonly EntityId Jozan = Id("jozan");
    public static readonly EntityId Lidda = Id("lidda");

    public static readonly ImmutableList<EntityId> Heroes = [Tordek, Mialee, Jozan, Lidda];
    public static readonly ImmutableList<EntityId> Goblins = [Id("goblin-1"), Id("goblin-2"), Id("goblin-3")];
    public static readonly ImmutableList<EntityId> Orcs = [Id("orc-1"), Id("orc-2")];
    public static readonly ImmutableList<EntityId> Monsters = Goblins.AddRange(Orcs);

    public static EntityId Id(string name) => EntityId.Named("sample:" + name);
}
