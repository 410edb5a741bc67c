namespace Ikosa.Client.App.Web;

// What the page asks for, as JSON bodies of its POSTs.

/// <summary>
/// An action of <paramref name="Creature"/>: aimed at a creature (<paramref name="Target"/>) or a square
/// (<paramref name="X"/>, <paramref name="Y"/>: a cell, or the end of a path that the app plans), as the action asks.
/// </summary>
public sealed record ActRequest(Guid Creature, string Action, Guid? Target, int? X, int? Y);

/// <summary>An attack on <paramref name="Target"/>: in melee when it is within reach, else at range.</summary>
public sealed record AttackRequest(Guid Creature, Guid Target);

/// <summary>An answer: nothing lets the host roll; a number (a physical roll), a choice, or yes/no.</summary>
public sealed record AnswerRequest(Guid Prompt, int? Number, string? Choice, bool? Yes);

/// <summary>Chat to "everyone", "party", "gm" or "whisper" (to <paramref name="To"/>).</summary>
public sealed record ChatRequest(string Audience, string? To, string Text);

/// <summary>Take (or give up) a character.</summary>
public sealed record PlayRequest(Guid Character, bool Take);

/// <summary>Act with (and, for a master, look through) this creature; null: a master's whole view.</summary>
public sealed record UseRequest(Guid? Creature);

public sealed record CreaturesRequest(List<Guid> Creatures);

public sealed record EditRequest(Guid Creature, int? HitPoints, int? X, int? Y, string? Name);

public sealed record UserRequest(string User, bool On);

public sealed record NameRequest(string Name);
