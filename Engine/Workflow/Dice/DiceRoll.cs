using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Dice;

/// <summary>
/// One roll in the game's dice log: which step asked for it, the expression, each face, the total,
/// who asked, and whether the faces were rolled by the host or entered from physical dice.
/// </summary>
[EntityName("workflow.dice-roll")]
public sealed record DiceRoll(
    EntityId Id,
    long Sequence,
    EntityId? Step,
    string StepName,
    string Expression,
    ImmutableList<int> Faces,
    int Modifier,
    int Total,
    string AskedBy,
    EntityId? Creature,
    string Purpose,
    bool Physical,
    DateTimeOffset At) : Entity(Id)
{
    /// <summary>A master's free roll shown to everyone in the game: in every player's dice log.</summary>
    public bool Public { get; init; }

    /// <summary>The face of the first die: the "natural" roll of a d20 check.</summary>
    [JsonIgnore]
    public int Natural => Faces.IsEmpty ? 0 : Faces[0];
}
