using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Workflow.Answers;

/// <summary>
/// A user's answer to a prompt. The kinds are a closed set so that a default answer can be stored on
/// a prerequisite; each prerequisite kind says which answer it takes and checks its range.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "answer")]
[JsonDerivedType(typeof(RollAnswer), "roll")]
[JsonDerivedType(typeof(NumberAnswer), "number")]
[JsonDerivedType(typeof(ChoiceAnswer), "choice")]
[JsonDerivedType(typeof(TargetsAnswer), "targets")]
[JsonDerivedType(typeof(YesNoAnswer), "yes-no")]
[JsonDerivedType(typeof(TurnAnswer), "turn")]
public abstract record Answer;

/// <summary>"Roll it": the host rolls, unless <paramref name="PhysicalFaces"/> carries faces read off physical dice.</summary>
public sealed record RollAnswer(ImmutableList<int>? PhysicalFaces = null) : Answer
{
    public static RollAnswer Physical(params int[] faces) => new(faces.ToImmutableList());
}

public sealed record NumberAnswer(int Value) : Answer;

public sealed record ChoiceAnswer(string Key) : Answer;

public sealed record TargetsAnswer(ImmutableList<EntityId> Targets) : Answer;

public sealed record YesNoAnswer(bool Yes) : Answer;

/// <summary>The answer to "your turn: act now?": end the turn, or delay it.</summary>
public sealed record TurnAnswer(TurnDecision Decision) : Answer;

public enum TurnDecision
{
    EndTurn,
    Delay,
}
