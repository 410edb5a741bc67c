using Ikosa.Contracts;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Host.Sessions;

namespace Ikosa.Host.Mapping;

/// <summary>
/// The contract of every notification the engine's rules and workflow and the host itself produce: one line per kind.
/// A new kind gets its record (engine or host), its data contract (Contracts/Notifications, listed as a known type of
/// <see cref="BatchInfo"/>) and its line here; a rule package declares its own in its RulePackage instead.
/// </summary>
public static class StandardNotifications
{
    public static NotificationContracts Contracts() => new NotificationContracts()
        // The rules (Engine/Rules/Events)
        .Map<AttackResolved, AttackResolvedInfo>(n => new()
        {
            Attacker = n.Attacker.Value, Target = n.Target.Value, Hit = n.Hit, Critical = n.Critical, Damage = n.Damage, Opportunity = n.Opportunity,
            Entities = [n.Attacker.Value, n.Target.Value],
        })
        .Map<CheckResolved, CheckResolvedInfo>(n => new()
        {
            Creature = n.Creature.Value, Check = n.Check, Total = n.Total, Difficulty = n.Difficulty, Succeeded = n.Succeeded, Secret = n.Secret,
            Entities = [n.Creature.Value],
        })
        .Map<CombatChanged, CombatChangedInfo>(n => new() { InCombat = n.InCombat, Round = n.Round })
        .Map<CreatureAppeared, CreatureAppearedInfo>(n => new() { Creature = n.Creature.Value, Name = n.Name, At = Point(n.At), Entities = [n.Creature.Value] })
        .Map<CreatureDisappeared, CreatureDisappearedInfo>(n => new() { Creature = n.Creature.Value, At = Point(n.At), Entities = [n.Creature.Value] })
        .Map<CreatureMoved, CreatureMovedInfo>(n => new() { Creature = n.Creature.Value, From = Point(n.From), To = Point(n.To), Entities = [n.Creature.Value] })
        .Map<HitPointsChanged, HitPointsChangedInfo>(n => new()
        {
            Creature = n.Creature.Value, HitPoints = n.HitPoints, Delta = n.Delta, Health = n.Health.ToString(), Entities = [n.Creature.Value],
        })
        .Map<MapChanged, MapChangedInfo>(n => new() { Cell = Point(n.Cell) })
        .Map<MovementStopped, MovementStoppedInfo>(n => new() { Creature = n.Creature.Value, At = Point(n.At), Reason = n.Reason, Entities = [n.Creature.Value] })
        .Map<PlayersChanged, PlayersChangedInfo>(n => new() { Creature = n.Creature.Value, Players = [.. n.Players], Entities = [n.Creature.Value] })
        .Map<SpellCast, SpellCastInfo>(n => new()
        {
            Caster = n.Caster.Value, Spell = n.Spell, Center = Point(n.Center), Targets = [.. n.Targets.Select(t => t.Value)],
            Entities = [n.Caster.Value, .. n.Targets.Select(t => t.Value)],
        })
        .Map<TurnStarted, TurnStartedInfo>(n => new() { Creature = n.Creature.Value, Round = n.Round, Entities = [n.Creature.Value] })
        // The workflow (Engine/Workflow/Events)
        .Map<DiceRolled, DiceRolledInfo>(n => new()
        {
            Roll = n.Roll.Value, Creature = n.Creature?.Value, Purpose = n.Purpose, Expression = n.Expression, Total = n.Total, Physical = n.Physical,
            Entities = n.Creature is { } creature ? [n.Roll.Value, creature.Value] : [n.Roll.Value],
        })
        .Map<ProcessEnded, ProcessEndedInfo>(n => new() { Process = n.Process.Value, Name = n.Name, Completed = n.Completed, Reason = n.Reason, Entities = [n.Process.Value] })
        .Map<PromptAnswered, PromptAnsweredInfo>(n => new()
        {
            Step = n.Step.Value, Prerequisite = n.Prerequisite.Value, AnsweredBy = n.AnsweredBy, Entities = [n.Step.Value, n.Prerequisite.Value],
        })
        .Map<PromptWaiting, PromptWaitingInfo>(n => new()
        {
            Step = n.Step.Value, Prerequisite = n.Prerequisite.Value, Fulfiller = n.Fulfiller?.Value, PromptKind = n.Kind.ToString(), Text = n.Text,
            Deadline = n.Deadline, Entities = n.Fulfiller is { } fulfiller ? [n.Step.Value, n.Prerequisite.Value, fulfiller.Value] : [n.Step.Value, n.Prerequisite.Value],
        })
        .Map<StepFailed, StepFailedInfo>(n => new()
        {
            Step = n.Step.Value, StepName = n.StepName, Process = n.Process.Value, Error = n.Error, Entities = [n.Step.Value, n.Process.Value],
        })
        // The host (Host/Sessions/HostNotifications.cs)
        .Map<ChatMessage, ChatMessageInfo>(n => new() { From = n.From, Audience = n.Audience, Text = n.Text })
        .Map<PresenceChanged, PresenceChangedInfo>(n => new() { User = n.User, Online = n.Online })
        .Map<SystemEvent, SystemEventInfo>(n => new() { What = n.What });

    private static PointInfo Point(Cell cell) => new() { X = cell.X, Y = cell.Y };
}
