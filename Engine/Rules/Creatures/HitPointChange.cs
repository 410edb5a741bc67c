using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Creatures;

/// <summary>One change of a creature's hit points, logged with the step that made it.</summary>
[EntityName("rules.hit-point-change")]
public sealed record HitPointChange(EntityId Id, long Sequence, EntityId Step, string StepName, EntityId Creature, int Delta, int HitPoints, string Reason) : Entity(Id);
