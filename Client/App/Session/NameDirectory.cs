using System.Collections.Concurrent;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Session;

/// <summary>
/// The creature names this client has been shown, both ways: ids to names for the log, and typed names back to ids for
/// commands. Typed names are forgiving ("goblin-1", "Goblin 1", "gob" when that is unique) but never guess between two.
/// </summary>
public sealed class NameDirectory
{
    private readonly ConcurrentDictionary<Guid, string> _names = new();

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
    }

    public string NameOf(Guid id) => _names.TryGetValue(id, out var name) ? name : "someone";

    public bool Knows(Guid id) => _names.ContainsKey(id);

    /// <summary>The id for a typed name, among <paramref name="among"/> when given; an error text when it is unknown or ambiguous.</summary>
    public Resolution Resolve(string typed, IReadOnlyCollection<Guid>? among = null)
    {
        var wanted = Normalize(typed);
        if (wanted.Length == 0)
            return Resolution.Failed("name a creature");
        var pool = _names.Where(n => among is null || among.Contains(n.Key)).ToList();
        var exact = pool.Where(n => Normalize(n.Value) == wanted).ToList();
        var matches = exact.Count > 0 ? exact : pool.Where(n => Normalize(n.Value).StartsWith(wanted, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => Resolution.Found(matches[0].Key, matches[0].Value),
            0 when among is not null && _names.Values.Any(n => Normalize(n) == wanted) => Resolution.Failed($"'{typed}' is not a valid choice here"),
            0 => Resolution.Failed($"no creature called '{typed}' in sight"),
            _ => Resolution.Failed($"'{typed}' could be {string.Join(" or ", matches.Select(m => m.Value).Order())}"),
        };
    }

    private static string Normalize(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

public readonly record struct Resolution(Guid Id, string Name, string? Error)
{
    public bool Ok => Error is null;

    public static Resolution Found(Guid id, string name) => new(id, name, null);

    public static Resolution Failed(string error) => new(Guid.Empty, "", error);
}
