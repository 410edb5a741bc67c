using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To everyone in the game: a spell went off at a square, catching these creatures.</summary>
public sealed record SpellCast(EntityId Caster, string Spell, Cell Center, ImmutableList<EntityId> Targets) : Notification;
