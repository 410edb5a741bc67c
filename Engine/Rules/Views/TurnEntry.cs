using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Views;

public sealed record TurnEntry(EntityId Creature, string Name, int Initiative, bool IsCurrent);
