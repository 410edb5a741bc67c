using System.Collections.Immutable;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Views;

/// <summary>
/// What one creature perceives: the squares it sees (row by row; the same array for every view from the same field of
/// view, see <see cref="FieldOfView"/>) and the creatures in them.
/// </summary>
public sealed record PerceptionView(Creature Viewer, ImmutableArray<Cell> VisibleCells, ImmutableList<Creature> VisibleCreatures);
