using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// What each creature perceives: the squares within its sight with a clear line to them, and the
/// creatures standing there. Unconscious creatures see nothing. This is what keeps hidden things
/// (a monster behind a door) from ever reaching a player.
/// </summary>
public static class Visibility
{
    public static bool CanSee(GameMap map, Creature viewer, Cell cell) =>
        viewer.CanAct() &&
        (viewer.Position == cell ||
         (viewer.Position.DistanceFeetTo(cell) <= viewer.SightFeet && LineOfSight.IsClear(map, viewer.Position, cell)));

    public static IReadOnlyList<Cell> VisibleCells(GameMap map, Creature viewer)
    {
        var cells = new List<Cell>();
        if (!viewer.CanAct()) return cells;
        var reach = viewer.SightFeet / Cell.Feet;
        for (var y = Math.Max(0, viewer.Position.Y - reach); y <= Math.Min(map.Height - 1, viewer.Position.Y + reach); y++)
        for (var x = Math.Max(0, viewer.Position.X - reach); x <= Math.Min(map.Width - 1, viewer.Position.X + reach); x++)
        {
            var cell = new Cell(x, y);
            if (CanSee(map, viewer, cell)) cells.Add(cell);
        }
        return cells;
    }

    public static IReadOnlyList<Creature> VisibleCreatures(IModelReader reader, Creature viewer)
    {
        var map = GameMaps.Of(reader);
        return reader.All<Creature>()
            .Where(c => c.Id != viewer.Id && CanSee(map, viewer, c.Position))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether any creature <paramref name="user"/> controls can see <paramref name="cell"/>.</summary>
    public static bool UserSees(IModelReader reader, string user, Cell cell)
    {
        var map = GameMaps.Of(reader);
        return Control.CreaturesOf(reader, user)
            .Select(reader.Find<Creature>)
            .Any(c => c is not null && CanSee(map, c, cell));
    }

    /// <summary>
    /// Who learns of a change to <paramref name="creature"/> at <paramref name="cells"/>: the masters, its controller
    /// (always: a creature that can no longer see still belongs to its player, whose screen must not go stale), and
    /// every user with a creature that sees one of the cells.
    /// </summary>
    public static IReadOnlyCollection<string> Observers(IModelReader reader, EntityId creature, params Cell[] cells)
    {
        var map = GameMaps.Of(reader);
        var users = new SortedSet<string>(Control.RecipientsFor(reader, creature), StringComparer.Ordinal);
        foreach (var control in reader.All<CreatureControl>())
        {
            if (control.Controller is not { } user || users.Contains(user)) continue;
            if (reader.Find<Creature>(control.Creature) is { } viewer && cells.Any(cell => CanSee(map, viewer, cell))) users.Add(user);
        }
        return users;
    }
}
