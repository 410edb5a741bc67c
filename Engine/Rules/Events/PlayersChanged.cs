using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Rules.Events;

/// <summary>A master changed who may play a creature: to the masters and every user given or refused it.</summary>
public sealed record PlayersChanged(EntityId Creature, ImmutableSortedSet<string> Players) : Notification;
