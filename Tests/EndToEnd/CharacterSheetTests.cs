using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>GetCreature gives the whole sheet to the creature's controller and the masters; others see what their characters perceive (issue 15 §4).</summary>
public class CharacterSheetTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;

    [Fact]
    public async Task The_controller_and_the_master_read_the_whole_sheet_and_others_only_what_they_see()
    {
        await using var table = await Table.SeatAsync();

        var own = (await table.Alice.Client.Game.GetCreatureAsync(Tordek)).Sheet!;
        var masters = (await table.Gm.Client.Game.GetCreatureAsync(Tordek)).Sheet!;
        var seenByBob = await table.Bob.Client.Game.GetCreatureAsync(Tordek);

        Assert.Equal((15, 13, 16, 10, 12, 8), (own.Abilities.Strength, own.Abilities.Dexterity, own.Abilities.Constitution, own.Abilities.Intelligence, own.Abilities.Wisdom, own.Abilities.Charisma));
        Assert.Equal((7, 2, 2), (own.Saves.Fortitude, own.Saves.Reflex, own.Saves.Will)); // the totals the campaign wrote
        var axe = Assert.Single(own.Attacks);
        Assert.Equal(("dwarven waraxe", 7, "1d10+2", "20/x3"), (axe.Name, axe.Bonus, axe.Damage, axe.Critical));
        Assert.Equal(["scale mail", "heavy steel shield", "dwarven waraxe"], own.Equipment);
        Assert.Equal(["alice"], own.Players);
        Assert.Equal(("alice", 5, 20), (own.PlayedBy, own.Level, own.Speed));
        Assert.Equal(axe.Damage, Assert.Single(masters.Attacks).Damage);
        var mialee = (await table.Bob.Client.Game.GetCreatureAsync(Mialee)).Sheet!;
        Assert.Equal(("fireball", 2), (mialee.Spells.Single().Spell, mialee.Spells.Single().Remaining));
        Assert.Contains(mialee.Skills, s => s.Name == "Spellcraft" && s.Modifier == 11);

        // Bob's Mialee sees Tordek: his name and place, never his sheet nor his hit points.
        Assert.Equal(("Tordek", 2, 2), (seenByBob.Name, seenByBob.X, seenByBob.Y));
        Assert.Null(seenByBob.Sheet);
        Assert.Equal((0, 0), (seenByBob.HitPoints, seenByBob.ArmorClass));
        // Dave plays nobody: an unseen creature is not even confirmed to exist.
        await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => table.Dave.Client.Game.GetCreatureAsync(Tordek));
        await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => table.Alice.Client.Game.GetCreatureAsync(Sample.Goblins[0].Value));
    }
}
