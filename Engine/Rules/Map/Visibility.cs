using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// What each creature perceives: the squares of its own scene within its sight with a clear line to them, and the
/// creatures standing there. Unconscious creatures see nothing, and nobody sees into another scene. This is what keeps
/// hidden things (a monster behind a door) from ever reaching a player.
/// </summary>
public static class Visibility
{
    /// <summary>Whether <paramref name="viewer"/> sees <paramref name="cell"/> of <paramref name="map"/> (false when the viewer is in another scene).</summary>
    public static bool CanSee(SceneMap map, Creature viewer, Cell cell) =>
        viewer.CanAct() && viewer.Scene == map.Id &&
        (viewer.Position == cell ||
         (FieldOf(map, viewer) is { } field && map.Contains(cell)
             ? field.Contains(cell)
             : viewer.Position.DistanceFeetTo(cell) <= viewer.SightFeet && LineOfSight.IsClear(map, viewer.Position, cell)));

    /// <summary>
    /// The squares <paramref name="viewer"/> would see of <paramref name="map"/> from where it stands if it could see (shared by
    /// every viewer there, see <see cref="FieldOfView"/>); null for a viewer standing off the map or with no sight at all.
    /// </summary>
    public static FieldOfView? FieldOf(SceneMap map, Creature viewer) =>
        viewer.SightFeet >= 0 && map.Contains(viewer.Position) ? FieldOfView.Of(map, viewer.Position, viewer.SightFeet / Cell.Feet) : null;

    /// <summary>The squares <paramref name="viewer"/> sees, row by row (none when it cannot see, or is in another scene).</summary>
    public static ImmutableArray<Cell> VisibleCells(SceneMap map, Creature viewer)
    {
        if (!viewer.CanAct() || viewer.Scene != map.Id) return [];
        if (FieldOf(map, viewer) is { } field) return field.Cells;
        var cells = ImmutableArray.CreateBuilder<Cell>();
        var reach = viewer.SightFeet / Cell.Feet;
        for (var y = Math.Max(0, viewer.Position.Y - reach); y <= Math.Min(map.Height - 1, viewer.Position.Y + reach); y++)
        for (var x = Math.Max(0, viewer.Position.X - reach); x <= Math.Min(map.Width - 1, viewer.Position.X + reach); x++)
        {
            var cell = new Cell(x, y);
            if (CanSee(map, viewer, cell)) cells.Add(cell);
        }
        return cells.ToImmutable();
    }

    public static IReadOnlyList<Creature> VisibleCreatures(IModelReader reader, Creature viewer)
    {
        if (!viewer.CanAct()) return [];
        var map = SceneMap.Of(reader, viewer.Scene);
        var field = FieldOf(map, viewer);
        return Placement.Near(reader, viewer.Scene, viewer.Position, viewer.SightFeet / Cell.Feet)
            .Where(c => c.Id != viewer.Id && (field is not null && map.Contains(c.Position) ? field.Contains(c.Position) : CanSee(map, viewer, c.Position)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether any creature <paramref name="user"/> controls can see <paramref name="cell"/> of <paramref name="scene"/>.</summary>
    public static bool UserSees(IModelReader reader, string user, EntityId scene, Cell cell)
    {
        var map = SceneMap.Of(reader, scene);
        return Control.CreaturesOf(reader, user)
            .Select(reader.Find<Creature>)
            .Any(c => c is not null && CanSee(map, c, cell));
    }

    /// <summary>
    /// Who learns of a change to <paramref name="creature"/> at <paramref name="cells"/> of its scene: the masters, its
    /// controller (always: a creature that can no longer see still belongs to its player, whose screen must not go
    /// stale), and every user with a creature that sees one of the cells.
    /// </summary>
    public static IReadOnlyCollection<string> Observers(IModelReader reader, EntityId creature, params Cell[] cells) =>
        Observers(reader, creature, reader.Find<Creature>(creature)?.Scene ?? Scene.Default, cells);

    /// <summary>As <see cref="Observers(IModelReader, EntityId, Cell[])"/>, for cells of <paramref name="scene"/>.</summary>
    public static IReadOnlyCollection<string> Observers(IModelReader reader, EntityId creature, EntityId scene, params Cell[] cells) =>
        WithViewers(reader, Control.RecipientsFor(reader, creature), scene, cells);

    /// <summary>Who learns of a change at <paramref name="cells"/> of <paramref name="scene"/> (a square edited): the masters and every user with a creature that sees one of them.</summary>
    public static IReadOnlyCollection<string> CellObservers(IModelReader reader, EntityId scene, params Cell[] cells) =>
        WithViewers(reader, GameMasters.Of(reader), scene, cells);

    /// <summary><paramref name="told"/> and every user with a creature that sees one of <paramref name="cells"/> of <paramref name="scene"/>.</summary>
    private static SortedSet<string> WithViewers(IModelReader reader, IEnumerable<string> told, EntityId scene, Cell[] cells)
    {
        var map = SceneMap.Of(reader, scene);
        var users = new SortedSet<string>(told, StringComparer.Ordinal);
        foreach (var control in reader.All<CreatureControl>())
        {
            if (control.Controller is not { } user || users.Contains(user)) continue;
            if (reader.Find<Creature>(control.Creature) is { } viewer && cells.Any(cell => CanSee(map, viewer, cell))) users.Add(user);
        }
        return users;
    }
}
