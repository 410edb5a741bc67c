using System.Collections.Concurrent;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Session;

/// <summary>
/// The creature names this client has been shown, both ways: ids to names for the log, and typed names back to ids for
/// commands. Typed names are forgiving ("goblin-1", "Goblin 1", "gob" when that is unique) but never guess between two;
/// where two creatures share a name, the start of an id ("3f2a") or a square ("@4,7") tells them apart.
/// </summary>
public sealed class NameDirectory
{
    private const int MinimumIdPrefix = 4;
    private readonly ConcurrentDictionary<Guid, string> _names = new();
    private volatile IReadOnlyDictionary<(int X, int Y), Guid> _positions = new Dictionary<(int X, int Y), Guid>();

    public void Learn(Guid id, string name)
    {
        if (id != Guid.Empty && !string.IsNullOrWhiteSpace(name))
            _names[id] = name;
    }

    public void Learn(ScreenState state)
    {
        foreach (var character in state.Characters)
            Learn(character.Id, character.Name);
        foreach (var entry in state.Tracker.Order)
            Learn(entry.Creature, entry.Name);
        foreach (var token in state.View?.Creatures ?? [])
            Learn(token.Id, token.Name);
        if (state.View is { } view)
            LearnPositions(view.Creatures.Select(t => (t.Id, t.X, t.Y)).Concat(state.Me is { } me ? [(me.Id, me.X, me.Y)] : []));
    }

    /// <summary>Learns the creatures of a view the master sees whole: names and where each stands.</summary>
    public void Learn(IReadOnlyCollection<TokenInfo> tokens)
    {
        foreach (var token in tokens)
            Learn(token.Id, token.Name);
        LearnPositions(tokens.Select(t => (t.Id, t.X, t.Y)));
    }

    // Squares are only known from the latest view: creatures move, so an older position would name the wrong one.
    private void LearnPositions(IEnumerable<(Guid Id, int X, int Y)> creatures)
    {
        var positions = new Dictionary<(int X, int Y), Guid>();
        foreach (var (id, x, y) in creatures)
            positions[(x, y)] = id;
        _positions = positions;
    }

    /// <summary>Forgets a creature that left the game: its name no longer resolves, nor its square.</summary>
    public void Forget(Guid id)
    {
        _names.TryRemove(id, out _);
        _positions = _positions.Where(p => p.Value != id).ToDictionary(p => p.Key, p => p.Value);
    }

    public string NameOf(Guid id) => _names.TryGetValue(id, out var name) ? name : "someone";

    public bool Knows(Guid id) => _names.ContainsKey(id);

    /// <summary>
    /// The id for a typed name, an id's start or <c>@x,y</c>, among <paramref name="among"/> when given; an error text
    /// when it is unknown or ambiguous.
    /// </summary>
    public Resolution Resolve(string typed, IReadOnlyCollection<Guid>? among = null)
    {
        typed = typed.Trim();
        if (typed.StartsWith('@'))
            return ResolveSquare(typed, among);
        var wanted = Normalize(typed);
        if (wanted.Length == 0)
            return Resolution.Failed("name a creature");
        var pool = _names.Where(n => among is null || among.Contains(n.Key)).ToList();
        var exact = pool.Where(n => Normalize(n.Value) == wanted).ToList();
        if (exact.Count == 0 && IsIdPrefix(typed) && pool.Where(n => n.Key.ToString("N").StartsWith(typed.ToLowerInvariant(), StringComparison.Ordinal)).ToList() is [var byId])
            return Resolution.Found(byId.Key, byId.Value);
        var matches = exact.Count > 0 ? exact : pool.Where(n => Normalize(n.Value).StartsWith(wanted, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => Resolution.Found(matches[0].Key, matches[0].Value),
            0 when among is not null && _names.Values.Any(n => Normalize(n) == wanted) => Resolution.Failed($"'{typed}' is not a valid choice here"),
            0 => Resolution.Failed($"no creature called '{typed}' in sight"),
            _ => Resolution.Failed($"'{typed}' could be {string.Join(" or ", Distinguished(matches).Order())}"),
        };
    }

    /// <summary>The short id that tells a creature apart from others of the same name.</summary>
    public static string ShortId(Guid id) => id.ToString("N")[..MinimumIdPrefix];

    private Resolution ResolveSquare(string typed, IReadOnlyCollection<Guid>? among)
    {
        var parts = typed[1..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var x) || !int.TryParse(parts[1], out var y))
            return Resolution.Failed($"'{typed}' is not a square: write @x,y (e.g. @4,7)");
        if (!_positions.TryGetValue((x, y), out var id))
            return Resolution.Failed($"you see no creature at ({x},{y})");
        if (among is not null && !among.Contains(id))
            return Resolution.Failed($"the creature at ({x},{y}) is not a valid choice here");
        return Resolution.Found(id, NameOf(id));
    }

    // Different names are told apart by name; creatures of one name by the start of their id and their square.
    private IEnumerable<string> Distinguished(List<KeyValuePair<Guid, string>> creatures) =>
        creatures.Select(c => c.Value).Distinct().Count() == creatures.Count ? creatures.Select(c => c.Value) : creatures.Select(Described);

    private string Described(KeyValuePair<Guid, string> creature)
    {
        var square = _positions.FirstOrDefault(p => p.Value == creature.Key);
        var where = _positions.Any(p => p.Value == creature.Key) ? $" @{square.Key.X},{square.Key.Y}" : "";
        return $"{creature.Value} ({ShortId(creature.Key)}{where})";
    }

    private static bool IsIdPrefix(string typed) =>
        typed.Length >= MinimumIdPrefix && typed.All(char.IsAsciiHexDigit);

    private static string Normalize(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

public readonly record struct Resolution(Guid Id, string Name, string? Error)
{
    public bool Ok => Error is null;

    public static Resolution Found(Guid id, string name) => new(id, name, null);

    public static Resolution Failed(string error) => new(Guid.Empty, "", error);
}
