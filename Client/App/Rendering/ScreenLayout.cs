namespace Ikosa.Client.App.Rendering;

/// <summary>
/// What one panel asks of the screen, in lines inside its border: as many as <paramref name="Wanted"/>, at least
/// <paramref name="Min"/> to be any use; a lower <paramref name="Priority"/> is served first and folded away last;
/// a panel that <paramref name="Fills"/> takes whatever is left once every other has what it wants.
/// </summary>
public sealed record PanelNeed(int Wanted, int Min, int Priority, bool Fills = false);

/// <summary>
/// How the screen is shared out so that it fits the terminal: the side column's width, and the lines each panel of a
/// column gets. Pure arithmetic, so it is tested without a terminal; the renderer fills in what it decides.
/// </summary>
public static class ScreenLayout
{
    /// <summary>A panel's border: one line above, one below.</summary>
    public const int Border = 2;

    /// <summary>The smallest terminal the app is made for; smaller ones get the most important panels only.</summary>
    public const int MinWidth = 80;

    public const int MinHeight = 24;

    /// <summary>Narrower than this, the side panels go below the map in one column.</summary>
    public const int OneColumnBelow = 60;

    /// <summary>The side column's width for a terminal <paramref name="width"/> cells wide; 0 when there is one column.</summary>
    public static int SideWidth(int width) => width < OneColumnBelow ? 0 : Math.Clamp(width * 2 / 5, 30, 62);

    /// <summary>
    /// The lines inside the border of each panel of a column <paramref name="height"/> lines tall, in the panels' order;
    /// 0 for a panel folded away because the more important ones took the room. The total, borders included, never
    /// exceeds <paramref name="height"/>.
    /// </summary>
    public static int[] Stack(IReadOnlyList<PanelNeed> panels, int height)
    {
        var lines = new int[panels.Count];
        var left = Math.Max(0, height);
        var byPriority = Enumerable.Range(0, panels.Count).OrderBy(i => panels[i].Priority).ThenBy(i => i).ToList();
        // First every panel that fits gets its minimum, most important first; the others fold away.
        foreach (var i in byPriority)
        {
            var least = Math.Max(1, Math.Min(panels[i].Min, panels[i].Wanted));
            if (Border + least > left)
                continue;
            lines[i] = least;
            left -= Border + least;
        }
        // Then each grows to what it wants, most important first; the filling panels last, with what remains.
        foreach (var i in byPriority.Where(i => !panels[i].Fills).Concat(byPriority.Where(i => panels[i].Fills)))
        {
            if (lines[i] == 0)
                continue;
            var more = Math.Min(left, Math.Max(0, panels[i].Wanted - lines[i]));
            lines[i] += more;
            left -= more;
        }
        return lines;
    }
}
