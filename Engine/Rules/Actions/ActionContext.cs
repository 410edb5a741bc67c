using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>What an action sees when it is offered, checked and started: the game (read-only) and the actor.</summary>
/// <remarks><see cref="Map"/> is the map of the actor's scene.</remarks>
public sealed record ActionContext(IModelReader Reader, Creature Actor, SceneMap Map, TurnTracker Tracker, ActionBudget Budget)
{
    public static ActionContext For(IModelReader reader, Creature actor) =>
        new(reader, actor, SceneMap.Of(reader, actor.Scene), TurnTracker.Of(reader), ActionBudget.Of(reader, actor.Id));

    public bool InCombat => Tracker.InCombat();

    /// <summary>Creatures the actor can see, other than itself, that are not dead.</summary>
    public IEnumerable<Creature> VisibleLiving() =>
        Visibility.VisibleCreatures(Reader, Actor).Where(c => c.Health() != Health.Dead);
}
