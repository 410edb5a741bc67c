using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Bench.Game.BigMap;

/// <summary>
/// A game to play through: its campaign, the 8 seats, and the creatures that take turns walking their routes, each
/// moved by a player (a seat's index) or by the game master (<see cref="Walker.ByMaster"/>).
/// </summary>
internal sealed record Scenario(string Label, string? Campaign, IReadOnlyList<BenchGame.Seat> Seats, IReadOnlyList<Scenario.Walker> Walkers)
{
    public sealed record Walker(int Seat, Guid Creature, IReadOnlyList<Cell> Route)
    {
        public const int ByMaster = -1;
    }

    /// <summary>The sample campaign (20x11, 9 creatures): Tordek walks round the hall, the game master walks an orc round its den.</summary>
    public static Scenario Sample()
    {
        var seats = new[] { "tordek", "mialee", "jozan", "lidda", "goblin-1", "goblin-2", "goblin-3", "orc-1" }
            .Select((name, i) => new BenchGame.Seat($"player{i + 1}", Sample(name)))
            .ToList();
        return new Scenario("sample 20x11, 9 creatures", null, seats,
        [
            new Walker(0, Sample("tordek"), Walk(new Cell(2, 2), new Cell(2, 1), new Cell(6, 1), new Cell(6, 2), new Cell(2, 2))),
            new Walker(Walker.ByMaster, Sample("orc-2"), Walk(new Cell(16, 8), new Cell(18, 8), new Cell(18, 6), new Cell(16, 6), new Cell(16, 8))),
        ]);
    }

    /// <summary>The generated 256x256 map with 1,009 creatures: hero 1 walks out of the hall and round it, the master walks a guard.</summary>
    public static Scenario Big(string folder)
    {
        var seats = BigMapCampaign.Heroes.Select((hero, i) => new BenchGame.Seat(hero.Player, BigMapCampaign.HeroId(i))).ToList();
        return new Scenario("256x256, 1,009 creatures", folder, seats,
        [
            new Walker(0, BigMapCampaign.HeroId(0), BigMapCampaign.HeroRoute),
            new Walker(Walker.ByMaster, BigMapCampaign.GuardId, BigMapCampaign.GuardRoute),
        ]);
    }

    private static Guid Sample(string name) => EntityId.Named("sample:" + name).Value;

    /// <summary>
    /// The squares of a walk through <paramref name="waypoints"/>, one step (straight or diagonal) at a time; a walk back to
    /// its start leaves the start out at the end, so that it can go round and round.
    /// </summary>
    public static List<Cell> Walk(params Cell[] waypoints)
    {
        var cells = new List<Cell> { waypoints[0] };
        foreach (var target in waypoints.Skip(1))
        {
            var at = cells[^1];
            while (at != target)
            {
                at = new Cell(at.X + Math.Sign(target.X - at.X), at.Y + Math.Sign(target.Y - at.Y));
                cells.Add(at);
            }
        }
        if (cells.Count > 1 && cells[^1] == cells[0]) cells.RemoveAt(cells.Count - 1);
        return cells;
    }
}
