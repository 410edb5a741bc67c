using System.Collections.Immutable;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Views;

/// <summary>What one creature perceives: the squares it sees and the creatures in them.</summary>
public sealed record PerceptionView(Creature Viewer, ImmutableList<Cell> VisibleCells, ImmutableList<Creature> VisibleCreatures);
