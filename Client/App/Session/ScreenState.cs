using Ikosa.Contracts;

namespace Ikosa.Client.App.Session;

/// <summary>Everything the screen shows, fetched from the host in one refresh: nothing here is computed on the client.</summary>
public sealed record ScreenState
{
    public required long Serial { get; init; }

    /// <summary>The serial of the last batch the client had received when the refresh began: what this state shows at least.</summary>
    public long Received { get; init; }

    /// <summary>The characters this user may play, and who plays each now.</summary>
    public required IReadOnlyList<CharacterInfo> Characters { get; init; }

    /// <summary>The creature whose actions are shown and whose eyes draw the map (null: none chosen, or a master's overview).</summary>
    public Guid? Active { get; init; }

    /// <summary>The active character's view, or the master's view of everything; null when there is nothing to look through.</summary>
    public ViewInfo? View { get; init; }

    /// <summary>The active creature itself (a view lists the others it sees, not the viewer).</summary>
    public CreatureInfo? Me { get; init; }

    public required TurnTrackerInfo Tracker { get; init; }

    public required IReadOnlyList<ActionInfo> Actions { get; init; }

    public required IReadOnlyList<PrerequisiteInfo> Prompts { get; init; }

    public required IReadOnlyList<DiceRollInfo> Dice { get; init; }

    /// <summary>Why part of the state could not be fetched (e.g. actions refused out of turn); empty when all is well.</summary>
    public string? Problem { get; init; }
}
