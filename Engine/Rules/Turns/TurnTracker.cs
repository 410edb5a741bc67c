using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// The turn order and where combat stands: the mode, the round, the slots (highest key first) and the
/// slot whose turn it is. <see cref="Current"/> is kept even if its creature leaves combat mid-turn, so
/// the turn still passes to whoever came next.
/// </summary>
[EntityName("rules.turn-tracker")]
public sealed record TurnTracker(EntityId Id, TurnMode Mode, int Round, ImmutableList<TurnSlot> Order) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("rules.turn-tracker");

    public static TurnTracker Idle => new(Key, TurnMode.Time, 0, ImmutableList<TurnSlot>.Empty);

    public TurnSlot? Current { get; init; }

    /// <summary>Game time elapsed, in seconds (a round is 6 seconds).</summary>
    public long GameSeconds { get; init; }

    /// <summary>If set, a turn ends by itself after this long without an answer.</summary>
    public TimeSpan? TurnTimeout { get; init; }

    /// <summary>The periodic task advancing game time out of combat, while it runs.</summary>
    public EntityId? TimeFlowTask { get; init; }

    public static TurnTracker Of(IModelReader reader) => reader.Find<TurnTracker>(Key) ?? Idle;

    public bool InCombat() => Mode == TurnMode.Initiative;

    public bool IsTurnOf(EntityId creature) => InCombat() && Current?.Creature == creature;

    public TurnSlot? SlotOf(EntityId creature) => Order.FirstOrDefault(s => s.Creature == creature);

    public bool IsCombatant(EntityId creature) => SlotOf(creature) is not null;

    /// <summary>Adds a slot in key order; a key already taken is nudged just below it.</summary>
    public TurnTracker WithSlot(TurnSlot slot)
    {
        var order = Order.RemoveAll(s => s.Creature == slot.Creature);
        while (order.Any(s => s.Key == slot.Key)) slot = slot with { Key = slot.Key - 0.001 };
        return this with { Order = order.Add(slot).Sort((a, b) => b.Key.CompareTo(a.Key)) };
    }

    public TurnTracker WithoutCreature(EntityId creature) => this with { Order = Order.RemoveAll(s => s.Creature == creature) };

    /// <summary>The slot after <paramref name="slot"/> (which may have left the order), wrapping to a new round.</summary>
    public (TurnSlot? Next, bool NewRound) NextAfter(TurnSlot slot)
    {
        if (Order.IsEmpty) return (null, false);
        var next = Order.FirstOrDefault(s => s.Key < slot.Key);
        return next is null ? (Order[0], true) : (next, false);
    }

    /// <summary>
    /// Moves <paramref name="creature"/> to act right after the creature that comes next, keeping its
    /// current slot as <see cref="Current"/> so that the turn passes on normally.
    /// </summary>
    public TurnTracker Delayed(EntityId creature)
    {
        if (SlotOf(creature) is not { } slot) return this;
        var (next, _) = NextAfter(slot);
        if (next is null || next.Creature == creature) return this;
        var after = Order.FirstOrDefault(s => s.Key < next.Key);
        var key = after is null || after.Creature == creature ? next.Key - 1 : (next.Key + after.Key) / 2;
        return WithoutCreature(creature).WithSlot(slot with { Key = key }) with { Current = slot };
    }
}
