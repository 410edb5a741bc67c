namespace Ikosa.Client.App.Web;

// What the page is sent: plain records serialized as JSON (camelCase). They are read by Page/table.js only.

/// <summary>Everything the page shows but the map's squares, after one refresh.</summary>
public sealed record PageState(
    long Serial,
    long Received,
    string User,
    bool IsMaster,
    Guid? Active,
    Guid? ViewAs,
    PageCreature? Me,
    IReadOnlyList<PageCharacter> Characters,
    IReadOnlyList<PageToken> Tokens,
    PageTracker Tracker,
    IReadOnlyList<PageAction> Actions,
    IReadOnlyList<PagePrompt> Prompts,
    IReadOnlyList<PageRoll> Dice,
    IReadOnlyList<PageLine> Chat,
    IReadOnlyList<PageLine> Log,
    IReadOnlyList<PageUser> Users,
    string? Problem,
    PageConnection Connection);

/// <summary>The squares the viewer knows, one character each, row by row: see <see cref="PageMapBuilder"/>.</summary>
public sealed record PageMap(int Width, int Height, string Squares, long Version);

public sealed record PageCreature(Guid Id, string Name, string Team, int X, int Y, int HitPoints, int MaxHitPoints, int ArmorClass, string State);

public sealed record PageCharacter(Guid Id, string Name, string? PlayedBy, bool Mine);

public sealed record PageToken(Guid Id, string Name, string Team, int X, int Y, string Icon, string State, bool Mine);

/// <summary>
/// A change of the tokens shown: <see cref="Put"/> (new or changed) and <see cref="Gone"/>, turning the tokens of
/// version <see cref="Base"/> into those of <see cref="Version"/>; a <see cref="Base"/> of 0 means every token, afresh.
/// </summary>
public sealed record PageTokens(long Version, long Base, IReadOnlyList<PageToken> Put, IReadOnlyList<Guid> Gone);

public sealed record PageTracker(bool InCombat, int Round, Guid? Current, IReadOnlyList<PageTurn> Order);

public sealed record PageTurn(Guid Id, string Name, int Initiative);

public sealed record PageAction(string Key, string Name, string Time, IReadOnlyList<PageAiming> Aiming, int? AreaFeet);

public sealed record PageAiming(string Key, string Kind, int Min, int Max, int RangeFeet, IReadOnlyList<Guid> Candidates, string Prompt);

public sealed record PagePrompt(Guid Id, Guid Step, string Kind, string Text, Guid? Creature, string For, IReadOnlyList<string> Options, int Min, int Max,
    string? Dice, bool PhysicalDiceAllowed, DateTimeOffset? Deadline);

public sealed record PageRoll(string Purpose, string Expression, int Total, bool Physical, string? AskedBy);

public sealed record PageLine(long Sequence, string Kind, string Text);

public sealed record PageUser(string Name, bool IsMaster, bool Online, bool Disabled);

/// <summary>"ok", "reconnecting" (the host is unreachable, the app is trying) or "ended", with what to tell the user.</summary>
public sealed record PageConnection(string Status, string Text);

/// <summary>What a request did: done, or refused with the reason, in the player's words.</summary>
public sealed record PageResult(bool Ok, string Text);

/// <summary>A previewed move: the path, what it costs, and whether the creature can walk it now.</summary>
public sealed record PagePlan(IReadOnlyList<PagePoint> Path, int Feet, int SpeedFeet, bool Reachable, string Text);

/// <summary>A previewed area: the squares it fills and the creatures in sight it catches.</summary>
public sealed record PageArea(IReadOnlyList<PagePoint> Squares, IReadOnlyList<PageToken> Caught, bool InRange, string Text);

public sealed record PagePoint(int X, int Y);

/// <summary>
/// A batch's moves and wounds, sent the moment it reaches the app so the page shows them at once; the refresh that the
/// batch also causes brings the rest (what the viewer now sees, prompts, actions) a round trip later.
/// </summary>
public sealed record PageDelta(long Received, IReadOnlyList<PageMove> Moves, IReadOnlyList<PageHealth> Health);

public sealed record PageMove(Guid Id, int X, int Y);

public sealed record PageHealth(Guid Id, int HitPoints, string State);

public sealed record PageScene(Guid Id, string Name, int Width, int Height, bool Opening);

public sealed record PageMonster(string Name, string Size, int Level, int HitPoints, bool FromCampaign);

/// <summary>A creature's sheet as its controller or a master reads it; <paramref name="Sheet"/> is null for anyone else.</summary>
public sealed record PageSheet(PageCreature Creature, Contracts.CreatureSheetInfo? Sheet);
