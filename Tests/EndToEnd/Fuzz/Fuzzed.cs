namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>What a generated argument is: the coverage report counts calls by it, and a failure names it.</summary>
public enum ArgumentKind
{
    /// <summary>Well formed and meaningful: the caller's own creature, a prompt waiting for them, an action on offer.</summary>
    Valid,
    Null,
    Empty,

    /// <summary>Beyond what the contract allows: a string or a list one past its maximum, or far past it.</summary>
    Huge,

    /// <summary>Exactly at a declared maximum.</summary>
    AtLimit,

    /// <summary>int or long minimum and maximum, a count one past its range, a cell far off the map.</summary>
    Extreme,
    Negative,

    /// <summary>Escape sequences, NUL, bell, line breaks, bidi overrides.</summary>
    ControlCharacters,
    Random,

    /// <summary>An id or name that names nothing: a new Guid, "nobody", "nope.svg".</summary>
    Unknown,
    EmptyGuid,

    /// <summary>The id of an entity that exists but is not what the argument names: a user account for a creature.</summary>
    WrongEntity,

    /// <summary>Something that belongs to someone else: another player's creature, a prompt for another player.</summary>
    OtherUsers,
    ListOfNulls,
    Duplicates,
    UndefinedEnum,

    /// <summary>A ticket of a login that has ended.</summary>
    Stale,
}

/// <summary>One generated argument (or part of one): its value, its kind, and how to show it in a failure.</summary>
public sealed record Fuzzed(object? Value, ArgumentKind Kind, string Shown)
{
    public override string ToString() => $"{Shown} ({Kind})";
}
