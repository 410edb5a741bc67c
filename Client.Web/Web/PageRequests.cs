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

public sealed record SceneRequest(Guid? Scene);

public sealed record CreaturesRequest(List<Guid> Creatures);

public sealed record EditRequest(Guid Creature, int? HitPoints, string? Name);

public sealed record UserRequest(string User, bool On);

public sealed record NameRequest(string Name);

/// <summary>A creature from the bestiary (<paramref name="Monster"/>, its exact name) on a square of a scene (the opening one when null).</summary>
public sealed record PlaceRequest(string Monster, Guid? Scene, int X, int Y, string? Name);

public sealed record CreatureRequest(Guid Creature);

/// <summary>The master's silent move, to a square of another scene when <paramref name="Scene"/> is given.</summary>
public sealed record MoveRequest(Guid Creature, Guid? Scene, int X, int Y);

/// <summary>Squares to redraw as "wall", "floor", "door", "open-door" or "difficult".</summary>
public sealed record TerrainRequest(Guid? Scene, string Terrain, List<PagePoint> Cells);

/// <summary>Let <paramref name="User"/> play a character (<paramref name="Give"/>) or take it from them.</summary>
public sealed record PlayersRequest(Guid Creature, string User, bool Give);

/// <summary>A check asked of whoever plays a creature: "ability", "skill" or "save", which one, against a difficulty.</summary>
public sealed record CheckRequest(Guid Creature, string Type, string Name, int Difficulty, bool Secret);

public sealed record RollRequest(string Expression, string? Purpose, bool MastersOnly);
