using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Ikosa.Engine.Model;
using Ikosa.Host.Game;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// The committed game as the store writes it: one row per entity, its registered type name and its JSON
/// (<see cref="EntityTypeRegistry.Serialize"/>), and a hash over all rows. Two reads with the same hash hold the same game.
/// </summary>
public sealed class StoredGame
{
    private readonly IReadOnlyDictionary<Guid, string> _rows;

    private StoredGame(IReadOnlyDictionary<Guid, string> rows)
    {
        _rows = rows;
        var all = string.Join("\n", rows.OrderBy(r => r.Key).Select(r => $"{r.Key:N} {r.Value}"));
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    public string Hash { get; }

    public static StoredGame Read(GameHost game)
    {
        var types = game.Engine.Gate.Types;
        return game.Engine.Gate.Read(tx => new StoredGame(tx.All<Entity>().ToDictionary(e => e.Id.Value,
            e => Rows.GetValue(e, _ => $"{types.NameOf(e.GetType())} {types.Serialize(e)}"))));
    }

    /// <summary>Entities are immutable: one serialized once is the same row in every later read.</summary>
    private static readonly ConditionalWeakTable<Entity, string> Rows = new();

    /// <summary>The rows that differ in <paramref name="after"/>: added, removed or changed, with their type.</summary>
    public IEnumerable<string> ChangesTo(StoredGame after)
    {
        foreach (var (id, row) in after._rows)
        {
            if (!_rows.TryGetValue(id, out var before))
                yield return $"added {TypeOf(row)} {id:N}";
            else if (before != row)
                yield return $"changed {TypeOf(row)} {id:N}";
        }
        foreach (var (id, row) in _rows.Where(r => !after._rows.ContainsKey(r.Key)))
            yield return $"removed {TypeOf(row)} {id:N}";
    }

    private static string TypeOf(string row) => row[..row.IndexOf(' ', StringComparison.Ordinal)];
}
