using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Host.Campaigns;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Tests.Campaigns;

public class SrdBestiaryTests
{
    [Fact]
    public void The_shipped_bestiary_holds_at_least_a_dozen_srd_monsters_without_error()
    {
        var errors = new CampaignErrors();
        var srd = Bestiary.Srd(errors);
        Assert.False(errors.Any, string.Join("\n", errors.Sorted()));
        Assert.True(srd.Names.Count() >= 12);
        Assert.Superset(new HashSet<string> { "Goblin", "Kobold", "Orc", "Hobgoblin", "Gnoll", "Bugbear", "Wolf", "Ogre" }, srd.Names.ToHashSet());
    }

    [Theory]
    // name, AC, attack bonus and damage of the first attack, Fort, Ref, Will: as the SRD prints them
    [InlineData("Goblin", 15, 2, "1d6", 3, 1, -1)]
    [InlineData("Kobold", 15, 1, "1d6-1", 2, 1, -1)]
    [InlineData("Orc", 13, 4, "2d4+4", 3, 0, -2)]
    [InlineData("Hobgoblin", 15, 2, "1d8+1", 4, 1, -1)]
    [InlineData("Gnoll", 15, 3, "1d8+2", 4, 0, 0)]
    [InlineData("Bugbear", 17, 5, "1d8+2", 2, 4, 1)]
    [InlineData("Dire Rat", 15, 4, "1d4", 3, 5, 3)]
    [InlineData("Ogre", 16, 8, "2d8+7", 6, 0, 1)]
    [InlineData("Dire Wolf", 14, 11, "1d8+10", 8, 7, 6)]
    public void The_host_plays_each_monster_with_the_totals_its_stat_block_prints(string name, int armorClass, int attack, string damage, int fortitude, int reflex, int will)
    {
        var monster = Bestiary.Srd(new CampaignErrors()).Find(name)!.Template;
        var weapon = monster.Weapons[0];

        Assert.Equal(armorClass, monster.ArmorClass());
        Assert.Equal(attack, monster.AttackBonus(weapon));
        // What the damage step rolls: the weapon's dice plus Strength for a melee weapon.
        Assert.Equal(damage, DiceExpression.Parse(weapon.Damage).Plus(weapon.IsRanged() ? 0 : monster.StrengthModifier()).ToString());
        Assert.Equal((fortitude, reflex, will), (monster.SaveBonus(SaveKind.Fortitude), monster.SaveBonus(SaveKind.Reflex), monster.SaveBonus(SaveKind.Will)));
    }

    [Fact]
    public void Every_sheet_written_back_reads_as_the_same_sheet()
    {
        foreach (var name in Bestiary.Srd(new CampaignErrors()).Names)
        {
            var monster = Bestiary.Srd(new CampaignErrors()).Find(name)!.Template;
            var text = YamlText.Of(SheetWriter.Write(monster));
            var errors = new CampaignErrors();
            var file = YamlFile.Parse(text, "sheet.yaml", errors);
            var read = SheetReader.Read(Fields.Of(file, file.Root!, "a monster", SheetReader.SheetFields), "monsters") with { Kind = name };

            Assert.False(errors.Any, string.Join("\n", errors.Sorted()));
            Assert.Equal(text, YamlText.Of(SheetWriter.Write(read)));
            Assert.Equal(monster.Weapons, read.Weapons);
            Assert.Equal(monster.Skills, read.Skills);
            Assert.Equal(monster with { Weapons = [], Skills = read.Skills, Feats = read.Feats, Equipment = read.Equipment, Spells = read.Spells }, read with { Weapons = [] });
        }
    }
}
